// The instructor's attendance page: reload the QR image every slot and the
// list of marks every few seconds. Without script the instructor reloads the
// page (the typed code and the list are in it).
(function () {
  var img = document.getElementById("attend-qr");
  var list = document.getElementById("attend-list");
  if (!img || !list) return;
  var slot = parseInt(img.getAttribute("data-slot"), 10) || 30;
  var src = img.getAttribute("src");
  setInterval(function () {
    img.setAttribute("src", src + "&n=" + Date.now());
  }, slot * 1000);
  var url = list.getAttribute("data-src");
  setInterval(function () {
    fetch(url, {credentials: "same-origin"}).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html !== null) list.innerHTML = html;
    }).catch(function () {});
  }, 4000);
})();
