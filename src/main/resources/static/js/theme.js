// Bootstrap 5.3 colour modes follow the system's light/dark setting, also when it changes.
(function () {
    var dark = window.matchMedia('(prefers-color-scheme: dark)');
    var apply = function () {
        document.documentElement.setAttribute('data-bs-theme', dark.matches ? 'dark' : 'light');
    };
    apply();
    dark.addEventListener('change', apply);
})();
