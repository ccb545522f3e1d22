/**
 * HTTPS for the dev server on localhost:3000 with office-addin-dev-certs' developer certificates.
 * Windows / macOS: as Microsoft's templates do (generate, and install the CA so Excel trusts it).
 * Linux: generate the certificate files only (installing the CA needs sudo, and Excel cannot be
 * sideloaded there anyway); a browser then shows a warning once for https://localhost:3000.
 * Returns null when no certificate can be made; the caller falls back to HTTP and says so.
 */
"use strict";

const crypto = require("crypto");
const fs = require("fs");

function readPem(path) {
  return fs.readFileSync(path);
}

function stillValid(certPath) {
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(certPath));
    return new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

async function devHttpsOptions(log = console.log) {
  try {
    const devCerts = require("office-addin-dev-certs");
    if (process.platform === "win32" || process.platform === "darwin") {
      return await devCerts.getHttpsServerOptions();
    }
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
    if (!files.every((f) => fs.existsSync(f)) || !stillValid(defaults.localhostCertificatePath)) {
      for (const f of files) fs.rmSync(f, { force: true });
      await devCerts.generateCertificates();
      log(`Generated developer certificates in ${defaults.certificateDirectory} (CA not installed: not needed on Linux).`);
    }
    return {
      ca: readPem(defaults.caCertificatePath),
      cert: readPem(defaults.localhostCertificatePath),
      key: readPem(defaults.localhostKeyPath),
    };
  } catch (e) {
    log(`Could not make developer certificates (${e.message.split("\n")[0]}).`);
    return null;
  }
}

module.exports = { devHttpsOptions };
