// Renders every processes/*.bpmn to docs/diagrams/<process id>.png, cropped to the drawing, with
// bpmn-js's viewer in Debian's headless Chromium. Nothing is downloaded: no browser, no CDN.
//
//   tools/diagram/render.sh                         (all processes; npm ci on first use)
//   tools/diagram/render.sh support-case            (some: names in processes/, or paths)
//   npm run render                                  (from tools/diagram, after npm ci)
//   SCALE=1.5 CHROMIUM=/usr/bin/chromium tools/diagram/render.sh

import { readFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const processes = path.join(root, 'processes');
const out = path.join(root, 'docs', 'diagrams');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const scale = Number(process.env.SCALE || 2);
const margin = 20;

if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}: apt-get install -y chromium (or set CHROMIUM)`);
  process.exit(1);
}

// a path, or the name of a file in processes/ with or without .bpmn
const files = process.argv.length > 2
  ? process.argv.slice(2).map((arg) => existsSync(arg)
      ? path.resolve(arg)
      : path.join(processes, arg.endsWith('.bpmn') ? arg : `${arg}.bpmn`))
  : (await readdir(processes)).filter((name) => name.endsWith('.bpmn')).sort()
      .map((name) => path.join(processes, name));

const missing = files.filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`No such BPMN file: ${missing.join(', ')}`);
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run'
  ]
});

let failed = false;
try {
  await mkdir(out, { recursive: true });
  for (const file of files) {
    const xml = await readFile(file, 'utf8');
    const key = processKey(xml, file);
    const page = await browser.newPage({ deviceScaleFactor: scale, viewport: { width: 800, height: 600 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(pathToFileURL(path.join(here, 'page.html')).href);

    const box = await page.evaluate(([xml, margin]) => window.showDiagram(xml, margin), [xml, margin]);
    await page.setViewportSize({ width: box.width, height: box.height });
    await page.evaluate((box) => window.frame(box), box);

    const target = path.join(out, `${key}.png`);
    await page.locator('#canvas').screenshot({ path: target, animations: 'disabled' });
    await page.close();

    for (const warning of box.warnings) {
      console.warn(`${path.relative(root, file)}: ${warning}`);
    }
    if (errors.length) {
      failed = true;
      console.error(`${path.relative(root, file)}: ${errors.join('; ')}`);
    }
    console.log(`${path.relative(root, target)}  ${box.width * scale}x${box.height * scale} px`);
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

/** The id of the file's executable process: the key Camunda deploys it under. */
function processKey(xml, file) {
  const processes = [...xml.matchAll(/<(?:\w+:)?process\b[^>]*>/g)].map((match) => match[0]);
  const tag = processes.find((tag) => /isExecutable="true"/.test(tag)) || processes[0];
  const id = tag && /\bid="([^"]+)"/.exec(tag);
  if (!id) {
    throw new Error(`${file}: no <process id="...">`);
  }
  return id[1];
}
