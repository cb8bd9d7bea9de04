// Sends the page's CSRF token with every htmx request, read from the meta tags the layout renders.
// A file of its own because the Content-Security-Policy allows no inline script.
document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token && token.content) {
        event.detail.headers[header.content] = token.content;
    }
});
