// The staff console's only script of its own, beside htmx. Everything works without it; it makes the day list
// kinder to use with JavaScript on.
document.documentElement.classList.add('js');

// A refused or failed form sent in the background: htmx swaps only successful answers, so the reason is put where
// the page says what happened. When the sign-in has run out, the console answers 499 instead of a redirect to
// Keycloak (which a background request cannot follow): reload the page, which signs in again and comes back.
document.addEventListener('htmx:responseError', function (event) {
  var xhr = event.detail.xhr;
  if (xhr && xhr.status === 499) {
    window.location.reload();
    return;
  }
  var notice = document.getElementById('notice');
  if (!notice) {
    return;
  }
  var reason = null;
  if (xhr && xhr.responseText) {
    var answer = new DOMParser().parseFromString(xhr.responseText, 'text/html').querySelector('.problem');
    reason = answer ? answer.textContent : null;
  }
  var shown = document.createElement('p');
  shown.className = 'problem';
  shown.setAttribute('role', 'alert');
  shown.textContent = reason || document.body.dataset.failed;
  notice.replaceChildren(shown);
});
document.addEventListener('htmx:sendError', function () {
  var notice = document.getElementById('notice');
  if (notice) {
    var shown = document.createElement('p');
    shown.className = 'problem';
    shown.setAttribute('role', 'alert');
    shown.textContent = document.body.dataset.failed;
    notice.replaceChildren(shown);
  }
});

// The day list's own refresh waits while staff type in it, and stops when they untick "refresh" (WCAG 2.2.2).
document.addEventListener('htmx:beforeRequest', function (event) {
  var list = document.getElementById('families');
  if (event.detail.elt !== list) {
    return;
  }
  var live = document.getElementById('live');
  var typing = list.contains(document.activeElement) && document.activeElement.matches('input, select, textarea');
  if ((live && !live.checked) || typing) {
    event.preventDefault();
  }
});

// After a member's record, the form that had the focus may be gone: focus moves to what was recorded.
document.addEventListener('htmx:afterSettle', function (event) {
  var form = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (document.activeElement !== document.body || !form || !form.dataset || !form.dataset.row) {
    return;
  }
  var recorded = document.getElementById(form.dataset.row + '-att');
  if (recorded) {
    recorded.focus();
  }
});
