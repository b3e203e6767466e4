/**
 * The browser for end-to-end tests: Debian's Chromium driven by playwright-core. Playwright's own
 * browser downloads cannot be reached from these machines, so we find (or install) a system build.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

const debianChromium = "/usr/bin/chromium";
const installHint =
  "No Chromium found: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome executable.";

/** Chromium in Playwright's own cache (~/.cache/ms-playwright/chromium-<rev>/chrome-linux/chrome), newest first. */
function playwrightCacheChromium(): string | undefined {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(os.homedir(), ".cache/ms-playwright");
  if (!existsSync(cache)) return undefined;
  return readdirSync(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.split("-")[1]) - Number(a.split("-")[1]))
    .flatMap((name) =>
      ["chrome-linux64/chrome", "chrome-linux/chrome"].map((rel) => path.join(cache, name, rel)),
    )
    .find((file) => existsSync(file));
}

function located(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  if (existsSync(debianChromium)) return debianChromium;
  return playwrightCacheChromium();
}

function canInstallWithApt(): boolean {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * The Chromium executable to test with: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's
 * cache. Where there is none and we are root with apt-get, installs Debian's `chromium` (as
 * `playwright install --with-deps` would); otherwise throws a one-line message saying how to get one.
 */
export function findChromium(): string {
  const found = located();
  if (found) return found;
  if (!canInstallWithApt()) throw new Error(installHint);
  console.log("Chromium not found: installing Debian's chromium with apt-get ...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "chromium"], {
    stdio: "inherit",
    env,
  });
  if (!existsSync(debianChromium))
    throw new Error(`apt-get installed chromium but ${debianChromium} is missing.`);
  return debianChromium;
}

/**
 * Flags for a machine without a sandbox, GPU or internet: without the networking ones Chromium keeps
 * trying to reach update and sync hosts that cannot be reached here.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * A headless Chromium. playwright-core's `launch` gives every browser a fresh temporary profile
 * (`playwright_chromiumdev_profile-*`, removed on close), so no state leaks between runs.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}
