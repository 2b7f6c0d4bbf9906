// The page-quality checks of scripts/page-quality.sh, on a built site:
// html-validate on every page, axe-core on every page type in both
// languages (light and dark colour schemes), and Lighthouse (mobile: Slow
// 4G, 4× CPU, simulated) on every page type in both languages, with the site
// served gzipped from 127.0.0.1. Prints a line per page and the totals;
// exits 1 when html-validate or axe find anything, or when a Lighthouse
// score other than performance is below 1 or CLS is above 0.
//
// node page-quality.mjs SITE_DIR [--no-lighthouse | --lighthouse-only]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const site = path.resolve(args.find((a) => !a.startsWith('--')) || 'public');
const withLighthouse = !args.includes('--no-lighthouse');
const withChecks = !args.includes('--lighthouse-only'); // html-validate and axe
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';

// One page of each type; each is also checked under /en.
const pages = [
  ['home', '/'],
  ['indicators', '/chi-so/'],
  ['indicator', '/chi-so/vb01/'],
  ['units', '/don-vi/'],
  ['unit', '/don-vi/02020/'],
  ['district', '/don-vi/064/'],
  ['scorecards', '/the-diem/'],
  ['scorecard', '/the-diem/02020/'],
  ['reports', '/bao-cao/'],
  ['report', '/bao-cao/2024-q4/'],
  ['status', '/tinh-trang/'],
  ['changes', '/thay-doi/'],
  ['method', '/phuong-phap/'],
  ['data', '/du-lieu/'],
  ['releases', '/du-lieu/phat-hanh/'],
];
const urls = [];
for (const lang of ['', '/en']) for (const [kind, p] of pages) urls.push([kind + (lang ? ' en' : ''), lang + p]);

let failed = false;

// ---- the server: files of the site, gzipped when the browser asks ----
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = path.join(site, p);
  if (!file.startsWith(site)) { res.writeHead(403); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  let status = 200;
  if (!fs.existsSync(file)) { status = 404; file = path.join(site, p.startsWith('/en/') ? 'en/404.html' : '404.html'); }
  let body = fs.readFileSync(file);
  const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'max-age=3600' };
  if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && /^(text|application\/(json|xml)|image\/svg)/.test(headers['Content-Type'])) {
    body = zlib.gzipSync(body, { level: 9 });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const t0 = Date.now();
const took = (t) => `${((Date.now() - t) / 1000).toFixed(0)} s`;
// ---- html-validate: every HTML file of the site ----
if (withChecks) {
  const { HtmlValidate, FileSystemConfigLoader } = require('html-validate');
  const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader({ extends: ['html-validate:standard'] }));
  const files = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f); else if (e.name.endsWith('.html')) files.push(f);
    }
  })(site);
  files.sort();
  let errors = 0, bad = 0;
  for (const f of files) {
    const report = await htmlvalidate.validateFile(f);
    if (report.errorCount > 0) {
      bad++;
      errors += report.errorCount;
      for (const r of report.results) for (const m of r.messages.slice(0, 5)) {
        console.log(`html-validate ${path.relative(site, f)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
  }
  console.log(`html-validate: ${files.length} pages, ${errors} errors in ${bad} pages (${took(t0)})`);
  if (errors > 0) failed = true;
}

// ---- axe-core: each page type, both languages, light and dark, phone and desktop ----
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
if (withChecks) {
  const t1 = Date.now();
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: ['--no-sandbox'] });
  const views = [
    ['phone', 'light', { width: 412, height: 915, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
    ['phone', 'dark', { width: 412, height: 915, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
    ['desktop', 'light', { width: 1280, height: 900 }],
    ['desktop', 'dark', { width: 1280, height: 900 }],
  ];
  let total = 0, checked = 0;
  for (const [kind, p] of urls) {
    const counts = [];
    for (const [screen, scheme, viewport] of views) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(base + p, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
      });
      await page.close();
      checked++;
      total += violations.length;
      counts.push(`${screen}/${scheme} ${violations.length}`);
      for (const v of violations) console.log(`axe ${p} (${screen}, ${scheme}): ${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
    }
    console.log(`axe ${kind.padEnd(14)} ${p.padEnd(22)} ${counts.join(', ')}`);
  }
  await browser.close();
  console.log(`axe: ${checked} page views, ${total} violations (${took(t1)})`);
  if (total > 0) failed = true;
}

// ---- Lighthouse: mobile, Slow 4G and 4× CPU (its default, simulated) ----
if (withLighthouse) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const c = await chromeLauncher.launch({ chromePath: chrome, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const pct = (x) => (x == null ? '  – ' : x.toFixed(2));
  console.log('lighthouse page                 path                   perf  a11y  bp    seo   LCP ms  TBT ms  CLS    bytes');
  for (const [kind, p] of urls) {
    const r = await lighthouse(base + p, { port: c.port, output: 'json', logLevel: 'error', formFactor: 'mobile' });
    const lhr = r.lhr;
    const s = (k) => lhr.categories[k].score;
    const a = (k) => lhr.audits[k].numericValue;
    const line = `lighthouse ${kind.padEnd(14)} ${p.padEnd(22)} ${pct(s('performance'))}  ${pct(s('accessibility'))}  ${pct(s('best-practices'))}  ${pct(s('seo'))}  ${String(Math.round(a('largest-contentful-paint'))).padStart(6)}  ${String(Math.round(a('total-blocking-time'))).padStart(6)}  ${a('cumulative-layout-shift').toFixed(3)}  ${Math.round(a('total-byte-weight'))}`;
    console.log(line);
    for (const k of ['accessibility', 'best-practices']) {
      if (s(k) < 1) {
        failed = true;
        for (const ref of lhr.categories[k].auditRefs) {
          const au = lhr.audits[ref.id];
          if (ref.weight > 0 && au.score !== null && au.score < 1) console.log(`  ${k}: ${ref.id}: ${au.title}`);
        }
      }
    }
    if (a('cumulative-layout-shift') > 0) failed = true;
  }
  await c.kill();
}

server.close();
process.exit(failed ? 1 : 0);
