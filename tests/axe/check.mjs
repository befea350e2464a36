// Runs axe-core on HTML files in Debian's headless Chromium, driven by playwright-core.
//
//   node tests/axe/check.mjs FILE.html ...    prints one JSON report on stdout
//
// Each file is opened at a desktop and a phone width. The report lists, per file and width,
// axe's WCAG 2.0/2.1/2.2 A and AA violations and every request the page made for anything but
// itself or a data: URI (a self-contained page makes none). SCREENSHOTS=DIR also saves a
// full-page PNG of each. CHROMIUM overrides the browser's path (default /usr/bin/chromium).

import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

async function check(context, file, name, viewport) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const url = pathToFileURL(resolve(file)).href;
  const requests = [];
  page.on("request", (request) => {
    const address = request.url();
    if (address !== url && !address.startsWith("data:")) requests.push(address);
  });
  await page.goto(url, { waitUntil: "load" });
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    TAGS,
  );
  if (process.env.SCREENSHOTS) {
    const shot = join(process.env.SCREENSHOTS, `${basename(file, ".html")}-${name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
  }
  await page.close();
  return {
    file,
    width: name,
    requests,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    })),
  };
}

const files = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "lscb-axe-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: FLAGS,
});
try {
  const report = [];
  for (const file of files) {
    for (const [name, viewport] of Object.entries(WIDTHS)) {
      report.push(await check(context, file, name, viewport));
    }
  }
  process.stdout.write(JSON.stringify({ axe: require("axe-core/package.json").version, report }, null, 2));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
