// The staff console's only script of its own. When the sign-in has run out, the console answers a request htmx
// sends in the background with 499 instead of a redirect to Keycloak (which a background request cannot follow):
// reload the page, so that the browser goes to sign in and comes back to it.
document.addEventListener('htmx:responseError', function (event) {
  if (event.detail.xhr && event.detail.xhr.status === 499) {
    window.location.reload();
  }
});
