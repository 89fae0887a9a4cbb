// No inline scripts anywhere (the CSP forbids them): everything the pages do in the browser is here.

// Copy buttons: <button data-copy-target="field-id">.
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

// Buttons that destroy or stop something ask first, in a modal dialog that says what will happen:
// <button data-confirm="Globex's tokens for Expense Sync stop working at once.">Disable</button>.
// Cancel (or Escape) leaves everything as it was and puts focus back on the button (docs/console.md).
(function () {
    var dialog = document.getElementById('confirm-dialog');
    var pending = null;

    document.addEventListener('submit', function (event) {
        var submitter = event.submitter;
        var message = submitter && submitter.getAttribute('data-confirm');
        if (!message || event.target.hasAttribute('data-confirmed')) {
            return;
        }
        event.preventDefault();
        if (!dialog || typeof dialog.showModal !== 'function') {
            if (window.confirm(message)) {
                event.target.setAttribute('data-confirmed', '');
                event.target.requestSubmit(submitter);
            }
            return;
        }
        pending = { form: event.target, submitter: submitter };
        document.getElementById('confirm-dialog-text').textContent = message;
        document.getElementById('confirm-dialog-confirm').textContent = submitter.textContent.trim();
        dialog.returnValue = '';
        dialog.showModal();
        dialog.querySelector('button[value=cancel]').focus();
    }, true);

    if (dialog) {
        dialog.addEventListener('close', function () {
            var chosen = pending;
            pending = null;
            if (!chosen) {
                return;
            }
            if (dialog.returnValue === 'confirm') {
                chosen.form.setAttribute('data-confirmed', '');
                chosen.form.requestSubmit(chosen.submitter);
            } else {
                chosen.submitter.focus();
            }
        });
    }
})();

// After a submit: an error summary takes focus (its links lead to the fields); otherwise the
// page's message does, so that a screen reader reads what just happened.
document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    var message = document.querySelector('.page-message');
    var target = summary || message;
    if (target) {
        target.focus();
    }
});

// A link of the error summary moves focus to its field (a plain fragment link only scrolls).
document.addEventListener('click', function (event) {
    var link = event.target.closest('.error-summary a[href^="#"]');
    if (!link) {
        return;
    }
    var field = document.getElementById(link.getAttribute('href').substring(1));
    if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
});

// A sensitive data group belongs to its API (data-api names the API's checkbox): ticking a group
// ticks its API, unticking the API unticks its groups. The server checks the same rule.
document.addEventListener('change', function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') {
        return;
    }
    var apiId = box.getAttribute('data-api');
    if (apiId && box.checked) {
        var api = document.getElementById(apiId);
        if (api) {
            api.checked = true;
        }
    } else if (!apiId && !box.checked && box.id) {
        document.querySelectorAll('input[data-api="' + box.id + '"]').forEach(function (group) {
            group.checked = false;
        });
    }
});
