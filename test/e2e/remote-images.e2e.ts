import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startApp, type RunningApp } from "./support/server";

// A shared deck must not learn who studies it: an image from another website is a placeholder
// until the learner clicks it, unless they chose on /settings to always show such images.

const gallery = `# Gallery

- What does the chart show?
  Rising costs.

  ![cost chart](http://images.test/chart.png)
`;

// One transparent pixel: what the image host answers, so nothing leaves the machine.
const pixel = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

describe("remote images in cards", () => {
  let app: RunningApp;
  let browser: Browser;
  let contentDir: string;
  let page: Page;
  const imageRequests: Request[] = [];

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), "notecards-images-e2e-"));
    writeFileSync(path.join(contentDir, "gallery.md"), gallery);
    [app, browser] = await Promise.all([startApp({ contentDir }), launchBrowser()]);
    page = await browser.newPage();
    await page.route("http://images.test/**", async (route) => {
      imageRequests.push(route.request());
      await route.fulfill({ status: 200, contentType: "image/png", body: pixel });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  const placeholder = () => page.getByRole("button", { name: "Load image “cost chart” from images.test" });
  const image = () => page.getByRole("img", { name: "cost chart" });

  it("shows a placeholder naming the site, and fetches nothing from it until clicked", async () => {
    await page.goto(`${app.baseUrl}/decks/gallery`);
    await placeholder().waitFor();
    await page.waitForLoadState("networkidle");
    expect(imageRequests).toHaveLength(0);
    expect(await image().count()).toBe(0);

    mkdirSync("test-results", { recursive: true });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await placeholder().screenshot({ path: `test-results/remote-image-placeholder-${scheme}.png` });
    }

    await placeholder().click();
    await expect
      .poll(() => image().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    expect(imageRequests).toHaveLength(1);
    // The image host is not told which deck page asked for it.
    expect(await imageRequests[0]!.headerValue("referer")).toBeNull();
  });

  it("loads remote images by itself once the learner allows it on /settings, and asks again when turned off", async () => {
    await page.goto(`${app.baseUrl}/settings`);
    const always = page.getByRole("checkbox", { name: /Show images from other websites without asking/ });
    await expect.poll(() => always.isEnabled()).toBe(true);
    expect(await always.isChecked()).toBe(false);
    await always.check();

    await page.goto(`${app.baseUrl}/decks/gallery`);
    await image().waitFor();
    expect(await placeholder().count()).toBe(0);
    expect(imageRequests).toHaveLength(2);

    await page.goto(`${app.baseUrl}/settings`);
    // The choice is kept in this browser: the box shows it once the page has read it.
    await expect.poll(() => always.isEnabled()).toBe(true);
    expect(await always.isChecked()).toBe(true);
    await always.uncheck();
    await page.goto(`${app.baseUrl}/decks/gallery`);
    await placeholder().waitFor();
    await page.waitForLoadState("networkidle");
    expect(imageRequests).toHaveLength(2);
  });
});
