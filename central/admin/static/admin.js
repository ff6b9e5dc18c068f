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
// A photo over the upload limit is refused before sending (the server says the same).
document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
  input.addEventListener("change", function () {
    var f = input.files && input.files[0], msg = document.getElementById(input.getAttribute("data-too-big"));
    var big = !!f && f.size > Number(input.getAttribute("data-max-bytes"));
    msg.hidden = !big;
    if (big) input.value = "";
  });
});
