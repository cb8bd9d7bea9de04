package org.dailypapers.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A small element tree read with a hardened StAX parser. arXiv responses are a few megabytes at most, so a tree is
 * affordable, and unlike DOM it keeps the line of every element for error messages. DTDs are refused outright:
 * neither OAI-PMH nor Atom uses one, so a document that declares one is treated as hostile (XXE, entity bombs).
 */
final class XmlTree {

    private static final XMLInputFactory FACTORY = secureFactory();

    private XmlTree() {}

    /** The hardened factory, for readers that stream a large document instead of building its tree. */
    static XMLInputFactory factory() {
        return FACTORY;
    }

    /** An element: namespace, local name, attributes by local name, children, text content, and its line. */
    record Element(
            String namespace,
            String name,
            Map<String, String> attributes,
            List<Element> children,
            StringBuilder textBuffer,
            int line) {

        String text() {
            return textBuffer.toString();
        }

        /** The text with runs of white space (arXiv's hard line breaks, pretty-printing) collapsed to one space. */
        String oneLine() {
            return collapse(textBuffer);
        }

        Optional<Element> child(String localName) {
            for (Element c : children) {
                if (c.name.equals(localName)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        List<Element> all(String localName) {
            List<Element> found = new ArrayList<>();
            for (Element c : children) {
                if (c.name.equals(localName)) {
                    found.add(c);
                }
            }
            return found;
        }

        /** The collapsed text of the first child of that name, or null when absent or blank. */
        @Nullable
        String childText(String localName) {
            String t = child(localName).map(Element::oneLine).orElse("");
            return t.isEmpty() ? null : t;
        }

        @Nullable
        String attribute(String localName) {
            return attributes.get(localName);
        }
    }

    /** Thrown for bytes that are not well-formed XML; the message names the source, line and column. */
    static final class MalformedXmlException extends Exception {
        MalformedXmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Element parse(String source, byte[] body) throws MalformedXmlException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            Deque<Element> open = new ArrayDeque<>();
            Element root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD ->
                        throw new XMLStreamException("document type declarations are refused", reader.getLocation());
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        String ns = reader.getNamespaceURI();
                        Element e = new Element(
                                ns == null ? "" : ns,
                                reader.getLocalName(),
                                attributes,
                                new ArrayList<>(),
                                new StringBuilder(),
                                reader.getLocation().getLineNumber());
                        if (open.isEmpty()) {
                            root = e;
                        } else {
                            open.peek().children().add(e);
                        }
                        open.push(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().textBuffer().append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException(
                                "undeclared entity '" + reader.getLocalName() + "'", reader.getLocation());
                    default -> {
                        // comments, processing instructions, end of document
                    }
                }
            }
            if (root == null) {
                throw new MalformedXmlException(source + ": empty document", new IllegalStateException());
            }
            return root;
        } catch (XMLStreamException e) {
            throw new MalformedXmlException(source + ": " + describe(e), e);
        } catch (RuntimeException e) {
            // Some StAX implementations report truncated input as an unchecked exception.
            throw new MalformedXmlException(source + ": malformed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing left to release
                }
            }
        }
    }

    private static String describe(XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // The JDK parser prefixes its message with "ParseError at [row,col]:[l,c]\nMessage: ".
        int m = message.indexOf("Message: ");
        if (m >= 0) {
            message = message.substring(m + "Message: ".length());
        }
        message = collapse(message);
        if (at != null && at.getLineNumber() > 0) {
            return "malformed XML at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + message;
        }
        return "malformed XML: " + message;
    }

    /**
     * By hand rather than with a regular expression: it runs on every text of every record, and most texts need no
     * change, which one scan tells.
     */
    static String collapse(CharSequence text) {
        String s = text.toString();
        int n = s.length();
        boolean clean = n == 0 || (!isSpace(s.charAt(0)) && !isSpace(s.charAt(n - 1)));
        for (int i = 0; clean && i < n; i++) {
            char c = s.charAt(i);
            if (c != ' ' && isSpace(c) || c == ' ' && i + 1 < n && isSpace(s.charAt(i + 1))) {
                clean = false;
            }
        }
        if (clean) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The characters of the regular expression {@code \\s} that {@link #collapse} replaced. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (IllegalArgumentException e) {
            // not every implementation knows these; SUPPORT_DTD=false already keeps DTDs out
        }
        return f;
    }
}
