package org.dailypapers.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.dailypapers.shared.ReaderFeeds;

/**
 * OPML 2.0 subscription lists: one folder outline per group and one {@code type="rss"} outline per feed (feed
 * readers read Atom feeds from such outlines too), with absolute addresses. A feed listed twice (a collection that is
 * also followed) appears once, in its first group.
 */
final class OpmlWriter {

    private OpmlWriter() {}

    static String write(String title, String baseUrl, Instant now, List<ReaderFeeds.Feed> feeds) {
        Map<String, List<ReaderFeeds.Feed>> groups = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ReaderFeeds.Feed f : feeds) {
            if (seen.add(f.xmlPath())) {
                groups.computeIfAbsent(f.group(), g -> new java.util.ArrayList<>())
                        .add(f);
            }
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            element(xml, "title", title);
            element(xml, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC)));
            element(xml, "docs", "https://opml.org/spec2.opml");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (Map.Entry<String, List<ReaderFeeds.Feed>> group : groups.entrySet()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("outline");
                xml.writeAttribute("text", group.getKey());
                xml.writeAttribute("title", group.getKey());
                for (ReaderFeeds.Feed f : group.getValue()) {
                    xml.writeCharacters("\n      ");
                    xml.writeEmptyElement("outline");
                    xml.writeAttribute("type", "rss");
                    xml.writeAttribute("text", f.title());
                    xml.writeAttribute("title", f.title());
                    xml.writeAttribute("xmlUrl", baseUrl + f.xmlPath());
                    if (f.htmlPath() != null) {
                        xml.writeAttribute("htmlUrl", baseUrl + f.htmlPath());
                    }
                }
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
