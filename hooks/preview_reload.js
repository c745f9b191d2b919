// `make serve` only (hooks/preview_reload.py): reloads the page once MkDocs has rebuilt the site, and when the
// preview stops on an error (tools/serve_site.py then shows the error at the same address). MkDocs' own reload
// script is inline, so the page's Content-Security-Policy blocks it; this one is a file of the site, which the
// policy allows. It asks MkDocs' reload address: the answer, a build number, comes once a newer build is served.
(function () {
  function later() {
    setTimeout(function () { location.reload(); }, 1000);
  }
  function ask(build) {
    return fetch("/livereload/" + build + "/" + Date.now(), {cache: "no-store"}).then(function (response) {
      return response.ok ? response.text() : Promise.reject(response.status);
    }).then(function (text) {
      if (!/^[0-9]+$/.test(text)) return Promise.reject(text);
      return +text;
    });
  }
  function wait(build) {
    ask(build).then(function (newer) {
      if (newer > build) location.reload();
      else wait(build);
    }, later);
  }
  ask(0).then(wait, later);
})();
