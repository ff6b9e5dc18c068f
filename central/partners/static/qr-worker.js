// Reads QR codes off the camera's frames, away from the page's thread (jsQR, vendored by
// scripts/vendor-js). Gets {width, height, data}; answers the text read, or null.
importScripts("vendor/jsQR.js");

onmessage = (e) => {
  const { width, height, data } = e.data;
  const found = jsQR(data, width, height, { inversionAttempts: "attemptBoth" });
  postMessage(found && found.data ? found.data : null);
};
