// Copy buttons: <button data-copy-target="field-id">. No inline scripts (the CSP forbids them).
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) {
        return;
    }
    var field = document.getElementById(button.getAttribute('data-copy-target'));
    if (!field) {
        return;
    }
    field.select();
    var done = function () {
        button.textContent = button.getAttribute('data-copied-label') || 'Copied';
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done);
    } else {
        document.execCommand('copy');
        done();
    }
});

// Buttons that change something important ask first: <button data-confirm="Are you sure?">.
document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var message = submitter && submitter.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});
