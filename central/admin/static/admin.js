// The one script of the admin: fill latitude and longitude from a nearby building.
document.querySelectorAll("select[data-coords]").forEach(function (sel) {
  sel.addEventListener("change", function () {
    if (!sel.value) return;
    var parts = sel.value.split(";");
    document.getElementById("f_lat").value = String(parts[0]).replace(".", ",");
    document.getElementById("f_lon").value = String(parts[1]).replace(".", ",");
  });
});
// The flat picker follows the chosen building.
document.querySelectorAll("select[data-flats]").forEach(function (sel) {
  sel.addEventListener("change", function () {
    var flats = document.getElementById(sel.getAttribute("data-flats"));
    fetch("/admin/flats.json?building_id=" + encodeURIComponent(sel.value), {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (rows) {
        flats.innerHTML = "";
        rows.forEach(function (f) { var o = document.createElement("option"); o.value = f.id; o.textContent = f.label; flats.appendChild(o); });
      });
  });
});
// A photo over the upload limit is refused before sending, with its size (the server says
// the same: central.limits.size_fr, "1,4 Mo", rounded up).
function sizeFr(n) {
  if (n >= 1000000) { var t = Math.ceil(n / 100000); return (t % 10 ? Math.floor(t / 10) + "," + (t % 10) : t / 10) + " Mo"; }
  return Math.max(1, Math.ceil(n / 1000)) + " Ko";
}
document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
  input.addEventListener("change", function () {
    var f = input.files && input.files[0], msg = document.getElementById(input.getAttribute("data-too-big"));
    var big = !!f && f.size > Number(input.getAttribute("data-max-bytes"));
    if (big) msg.textContent = msg.getAttribute("data-template").replace("{size}", sizeFr(f.size));
    msg.hidden = !big;
    if (big) input.value = "";
  });
});
