#!/usr/bin/env node
// Web quality gate for the portal's HTML pages.
//
//   node check-pages.mjs --base http://127.0.0.1:PORT [--start /] [--start /meetings] [--max-pages 60]
//   node check-pages.mjs --base ... --include-admin --cookie portal_session=TOKEN --only /admin --start /admin
//
// Crawls the public pages of a running portal (with --include-admin and a session cookie, the
// staff pages too; only GET, never /admin/logout or a path with "delete"), then checks every page with
//   * the Nu HTML Checker (vnu.jar, system Java), zero errors allowed, and
//   * axe-core in headless Chromium (tags wcag2a, wcag2aa, wcag21a, wcag21aa),
//     once normally and once with the cookie `vision=on` (version for the
//     visually impaired), zero violations allowed.
// A crawled link answering with HTTP status >= 400 is a failure of its own.
// With --submit-forms, every POST form found on a checked page is also sent once with values
// that cannot pass (every field empty, choices "x"), one
// form per action (numbers in the path as #); the error page it answers (4xx, text/html) is
// checked like any page (vnu, axe in both versions, reflow), shown in the browser at the form's
// action. A form that accepts such values is reported as a note; one answering 5xx fails.
//
// Output: one TAP-like line per check ("ok - ..." / "not ok - ..."), details on
// "#" lines, and finally exactly one line "web: N passed, M failed".
// Exit status: 0 all passed, 1 some check failed, 2 setup error.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';

const require = createRequire(import.meta.url);

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SKIP_SUFFIXES = ['.ics', '.atom', '.xml', '.json'];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
const VISION_COOKIE = { name: 'vision', value: 'on' };
const VIEWPORT = { width: 1280, height: 900 };
// WCAG 2.1 1.4.10 Reflow: content fits 320 CSS px without scrolling sideways (a table may
// scroll inside its own container).
const REFLOW_WIDTH = 320;

// ---------------------------------------------------------------- arguments

function usage() {
  return [
    'usage: node check-pages.mjs --base http://127.0.0.1:PORT [options]',
    '  --start PATH        start page (repeatable; default: / and /meetings)',
    '  --error-page PATH   a path that must answer 4xx/5xx with an HTML error page, which',
    '                      is then checked like any page (repeatable; e.g. /no-such-page)',
    '  --max-pages N       stop crawling after N HTML pages (default 60)',
    '  --max-variants N    at most N query-string variants per path (default 3)',
    '  --max-same-shape N  at most N pages per numbered path like /meetings/# (default 10)',
    '  --skip PREFIX       also skip paths starting with PREFIX (repeatable)',
    '  --cookie NAME=VALUE send this cookie with every request and page load (repeatable;',
    '                      e.g. portal_session=... for the staff pages)',
    '  --include-admin     crawl /admin pages too (still GET only; /admin/logout and any',
    '                      path or query containing "delete" are never requested)',
    '  --only PREFIX       check only pages under PREFIX (repeatable); links elsewhere are',
    '                      requested for their status but not checked or followed',
    '  --wait SECONDS      wait up to this long for the base URL to answer (default 10)',
    '  --jobs N            browser tabs used in parallel for axe (default 2)',
    '  --timeout SECONDS   per-request / per-page-load timeout (default 30)',
    '  --submit-forms      send each POST form of the checked pages once with invalid values',
    '                      and check the error page it answers (forms with only hidden',
    '                      fields, /admin/logout and "delete" actions are never sent)',
    '  --keep-html         keep the temp dir with the saved HTML and print its path',
    'environment: CHROMIUM (default /usr/bin/chromium), JAVA (default java on PATH)',
  ].join('\n');
}

function parseArgs(argv) {
  const opts = {
    base: null, starts: [], errorPages: [], maxPages: 60, maxVariants: 3, maxSameShape: 10, skips: [], wait: 10,
    jobs: 2, timeout: 30, keepHtml: false, cookies: [], includeAdmin: false, only: [],
    submitForms: false,
  };
  const intOpt = (name, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) setupError(`${name} wants a positive integer, got "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let val;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { val = a.slice(eq + 1); a = a.slice(0, eq); }
    const next = () => {
      if (val !== undefined) return val;
      if (i + 1 >= argv.length) setupError(`${a} needs a value\n${usage()}`);
      return argv[++i];
    };
    switch (a) {
      case '--base': opts.base = next(); break;
      case '--start': opts.starts.push(next()); break;
      case '--error-page': opts.errorPages.push(next()); break;
      case '--max-pages': opts.maxPages = intOpt(a, next()); break;
      case '--max-variants': opts.maxVariants = intOpt(a, next()); break;
      case '--max-same-shape': opts.maxSameShape = intOpt(a, next()); break;
      case '--skip': opts.skips.push(next()); break;
      case '--cookie': {
        const c = next();
        const ceq = c.indexOf('=');
        if (ceq < 1 || /[;\s]/.test(c)) setupError(`--cookie wants NAME=VALUE (no spaces or ";"), got "${c}"`);
        opts.cookies.push({ name: c.slice(0, ceq), value: c.slice(ceq + 1) });
        break;
      }
      case '--include-admin': opts.includeAdmin = true; break;
      case '--only': opts.only.push(next()); break;
      case '--wait': opts.wait = Number(next()) || 0; break;
      case '--jobs': opts.jobs = intOpt(a, next()); break;
      case '--timeout': opts.timeout = intOpt(a, next()); break;
      case '--keep-html': opts.keepHtml = true; break;
      case '--submit-forms': opts.submitForms = true; break;
      case '-h': case '--help': console.log(usage()); process.exit(0); break;
      default: setupError(`unknown argument "${argv[i]}"\n${usage()}`);
    }
  }
  if (!opts.base) setupError(`--base is required\n${usage()}`);
  if (opts.starts.length === 0) opts.starts = ['/', '/meetings'];
  return opts;
}

function setupError(msg) {
  console.error(`web: setup error: ${msg}`);
  process.exit(2);
}

// ---------------------------------------------------------------- URL rules

function displayPath(u) {
  return u.pathname + u.search;
}

// Links that could change state are never requested, even with GET: signing out, deleting.
function changesState(u) {
  const p = u.pathname;
  return p === '/admin/logout' || p.startsWith('/admin/logout/') ||
    decodeURIComponentSafe(p + u.search).toLowerCase().includes('delete');
}

function decodeURIComponentSafe(s) {
  try { return decodeURIComponent(s); } catch { return s; }
}

// `named`: the path was given with --start or --error-page, which may name an /admin page
// (the sign-in form is a public page) without --include-admin.
function isSkipped(u, opts, named = false) {
  const p = u.pathname;
  const under = (dir) => p === dir || p.startsWith(`${dir}/`);
  if (changesState(u)) return true;
  if ((under('/admin') && !opts.includeAdmin && !named) || under('/api') || under('/healthz') || p.startsWith('/static/')) return true;
  if (opts.skips.some((pre) => p.startsWith(pre))) return true;
  const lower = p.toLowerCase();
  return SKIP_SUFFIXES.some((suf) => lower.endsWith(suf));
}

// With --only: whether a page is checked (true) or only requested for its status (false).
function inScope(u, opts) {
  if (opts.only.length === 0) return true;
  const p = u.pathname;
  return opts.only.some((pre) => p === pre || p.startsWith(pre.endsWith('/') ? pre : `${pre}/`));
}

// "/meetings/17/minutes" -> "/meetings/#/minutes": pages of one template.
function pathShape(p) {
  return p.split('/').map((seg) => (/^\d+$/.test(seg) ? '#' : seg)).join('/');
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);?/gi, (m, e) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    try { return String.fromCodePoint(code); } catch { return m; }
  });
}

// Returns the raw href values of all <a> elements (comments, scripts, styles ignored).
function extractHrefs(html) {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '');
  const out = [];
  const tagRe = /<a\b([^>]*)>/gi;
  let m;
  while ((m = tagRe.exec(cleaned)) !== null) {
    const h = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(m[1]);
    if (h) out.push(decodeEntities((h[1] ?? h[2] ?? h[3] ?? '').trim()));
  }
  return out;
}

// The POST forms of a page: [{ action (URL), fields: [[name, value]] }], with the values a
// careless person would send: hidden fields as they are (the form token), every field left
// empty (as a browser sends an unfilled control), and "x" for a choice no list offers. Forms with
// no field a person fills in are left out: they have no error to show beside a field.
function extractPostForms(html, pageUrl) {
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, '');
  const attr = (tag, name) => {
    const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i').exec(tag);
    return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
  };
  const forms = [];
  const formRe = /<form\b([^>]*)>([\s\S]*?)<\/form\s*>/gi;
  let f;
  while ((f = formRe.exec(cleaned)) !== null) {
    if ((attr(f[1], 'method') || 'get').toLowerCase() !== 'post') continue;
    if ((attr(f[1], 'enctype') || '').toLowerCase().startsWith('multipart/')) continue;
    let action;
    try { action = new URL(attr(f[1], 'action') ?? '', pageUrl); } catch { continue; }
    const fields = [];
    const named = new Set();
    let visible = 0;
    const tagRe = /<(input|select|textarea)\b([^>]*)>/gi;
    let t;
    while ((t = tagRe.exec(f[2])) !== null) {
      const name = attr(t[2], 'name');
      if (!name) continue;
      const type = (t[1].toLowerCase() === 'input' ? (attr(t[2], 'type') || 'text') : t[1]).toLowerCase();
      if (['submit', 'button', 'reset', 'image', 'file'].includes(type)) continue;
      if (type === 'hidden') { fields.push([name, attr(t[2], 'value') ?? '']); continue; }
      visible++;
      if ((type === 'checkbox' || type === 'radio') && named.has(name)) continue;
      named.add(name);
      // What a browser can send: typed controls (date, number, url, e-mail…) empty, as left
      // unfilled; choices something no list offers.
      const choice = ['select', 'checkbox', 'radio'].includes(type);
      fields.push([name, choice ? 'x' : '']);
    }
    if (visible > 0) forms.push({ action, fields, from: displayPath(pageUrl) });
  }
  return forms;
}

// ---------------------------------------------------------------- crawl

// `cookies`: [{ name, value }] sent as one Cookie header (same origin only: redirects are
// followed within the portal, and links to other hosts are never requested).
async function fetchWithTimeout(url, timeoutS, cookies = []) {
  const headers = { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' };
  if (cookies.length > 0) headers.Cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return fetch(url, {
    redirect: 'follow',
    headers,
    signal: AbortSignal.timeout(timeoutS * 1000),
  });
}

async function waitForBase(firstUrl, waitS, timeoutS, cookies) {
  const deadline = Date.now() + waitS * 1000;
  for (;;) {
    try {
      const res = await fetchWithTimeout(firstUrl, timeoutS, cookies);
      await res.body?.cancel();
      return;
    } catch (err) {
      // The server is there but slow: let the crawl report it as a failure.
      if (err.name === 'TimeoutError') return;
      if (Date.now() >= deadline) {
        const cause = err.cause?.code || err.cause?.message || err.message;
        setupError(`base URL unreachable: ${firstUrl.href} (${cause}). Is the portal running?`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function crawl(base, opts, results) {
  const pages = [];                  // { url, path, html (Buffer), visionHtml (Buffer|null) }
  const seen = new Set();            // normalised hrefs already queued
  const fetched = new Set();         // final URLs of pages already taken
  const variants = new Map();        // pathname -> number of query variants queued
  const shapes = new Map();          // path shape (numbers as #) -> number of pages queued
  const shapeCapped = new Set();     // shapes that hit --max-same-shape
  const referrers = new Map();       // href -> [paths that link to it]
  const queue = [];
  const nonHtml = [];                // same-origin links skipped for not being text/html
  const forms = [];                  // POST forms of the checked pages (--submit-forms)
  let notVisited = 0;
  let outOfScope = 0;                // links outside --only: requested for their status only

  const enqueue = (u, from) => {
    u.hash = '';
    if (u.origin !== base.origin) return;
    if (isSkipped(u, opts, from === null)) return;
    const key = u.href;
    if (from !== null) {
      const refs = referrers.get(key) ?? [];
      if (refs.length < 3 && !refs.includes(from)) refs.push(from);
      referrers.set(key, refs);
    }
    if (seen.has(key)) return;
    if (u.search) {
      const n = variants.get(u.pathname) ?? 0;
      if (n >= opts.maxVariants) return;
      variants.set(u.pathname, n + 1);
    }
    const shape = pathShape(u.pathname);
    if (shape !== u.pathname && !u.search) {
      const n = shapes.get(shape) ?? 0;
      if (n >= opts.maxSameShape) { shapeCapped.add(shape); return; }
      shapes.set(shape, n + 1);
    }
    seen.add(key);
    queue.push(u);
  };

  const named = new Set();           // the --start and --error-page URLs
  for (const s of opts.starts) {
    const u = new URL(s, base);
    u.hash = '';
    named.add(u.href);
    enqueue(u, null);
  }
  const expectError = new Set();
  for (const s of opts.errorPages) {
    const u = new URL(s, base);
    u.hash = '';
    named.add(u.href);
    expectError.add(u.href);
    if (!seen.has(u.href)) { seen.add(u.href); queue.push(u); }
  }

  while (queue.length > 0) {
    if (pages.length >= opts.maxPages) { notVisited = queue.length; break; }
    const u = queue.shift();
    if (fetched.has(u.href)) continue;
    const shown = displayPath(u);
    const from = referrers.get(u.href);
    const fromTxt = from && from.length ? ` (linked from ${from.join(', ')})` : ' (start page)';
    let res;
    try {
      res = await fetchWithTimeout(u, opts.timeout, opts.cookies);
    } catch (err) {
      const cause = err.cause?.code || err.cause?.message || err.message;
      // A link that redirects to a calendar subscription (webcal:) is not broken: fetch cannot
      // follow that scheme, so the redirect itself is checked.
      if (/HTTP\(S\) scheme/.test(String(cause))) {
        const r = await fetch(u, { redirect: 'manual', signal: AbortSignal.timeout(opts.timeout * 1000) });
        const location = r.headers.get('location') || '';
        if (r.status >= 300 && r.status < 400 && /^webcal:\/\//i.test(location)) {
          fetched.add(u.href);
          results.push({ ok: true, line: `link ${shown}: redirects to ${location}` });
          continue;
        }
      }
      results.push({ ok: false, line: `link ${shown}: request failed: ${cause}${fromTxt}` });
      continue;
    }
    const errorPage = expectError.has(u.href);
    if (res.status >= 400 && !errorPage && res.redirected) {
      // A link that redirects to an --error-page (e.g. a "switch version and come back"
      // link on the 404 page) is not broken: that page is checked on its own.
      const target = new URL(res.url);
      target.hash = '';
      if (expectError.has(target.href)) { await res.body?.cancel(); continue; }
    }
    if (errorPage && res.status < 400) {
      results.push({ ok: false, line: `link ${shown}: expected an error status (4xx/5xx) for this --error-page, got HTTP ${res.status}` });
    } else if (res.status >= 400 && !errorPage) {
      await res.body?.cancel();
      results.push({ ok: false, line: `link ${shown}: HTTP ${res.status}${fromTxt}` });
      continue;
    }
    const final = new URL(res.url || u.href);
    final.hash = '';
    if (opts.cookies.length > 0 && final.pathname === '/admin/login' && u.pathname !== '/admin/login') {
      // Sent to the sign-in form although a session cookie was given: every staff page would
      // collapse into that one form and the run would pass without checking them.
      await res.body?.cancel();
      results.push({ ok: false, line: `link ${shown}: redirected to the sign-in page: the --cookie session is not valid${fromTxt}` });
      continue;
    }
    const ctype = (res.headers.get('content-type') || '').toLowerCase();
    if (!ctype.startsWith('text/html')) {
      await res.body?.cancel();
      if (!from || from.length === 0 || errorPage) {
        results.push({ ok: false, line: `link ${shown}: ${errorPage ? 'error' : 'start'} page answers Content-Type "${ctype || '(none)'}", not text/html` });
      } else {
        nonHtml.push(`${shown} (${ctype || 'no Content-Type'})`);
      }
      continue;
    }
    if (final.origin !== base.origin || isSkipped(final, opts, named.has(final.href))) {
      await res.body?.cancel();
      continue;
    }
    if (!inScope(final, opts)) { await res.body?.cancel(); outOfScope++; continue; }
    // A redirect target is treated as the page itself, checked once.
    if (fetched.has(final.href)) { await res.body?.cancel(); continue; }
    fetched.add(final.href);
    seen.add(final.href);
    const html = Buffer.from(await res.arrayBuffer());
    const page = { url: final, path: displayPath(final), html, visionHtml: null, errorPage: res.status >= 400 };
    pages.push(page);

    // Same page as the version for the visually impaired, for vnu.
    try {
      const vres = await fetchWithTimeout(final, opts.timeout, [...opts.cookies, VISION_COOKIE]);
      if (vres.status >= 400 && !page.errorPage) {
        await vres.body?.cancel();
        results.push({ ok: false, line: `link ${page.path} (vision): HTTP ${vres.status}` });
      } else {
        page.visionHtml = Buffer.from(await vres.arrayBuffer());
      }
    } catch (err) {
      results.push({ ok: false, line: `link ${page.path} (vision): request failed: ${err.cause?.code || err.message}` });
    }

    if (opts.submitForms) forms.push(...extractPostForms(html.toString('utf8'), final));

    for (const href of extractHrefs(html.toString('utf8'))) {
      if (!href || /^(mailto|tel|javascript|data):/i.test(href)) continue;
      let v;
      try { v = new URL(href, final); } catch { continue; }
      if (v.protocol !== 'http:' && v.protocol !== 'https:') continue;
      enqueue(v, page.path);
    }
  }
  return { pages, notVisited, nonHtml, shapeCapped: [...shapeCapped], outOfScope, forms };
}

// Send each form once (one per action shape) with its careless values; the error pages become
// pages to check ({ post: status }); a 5xx fails, an accepted form is returned as a note.
async function submitForms(base, opts, forms, pages, results) {
  const done = new Set();
  const accepted = [];
  for (const form of forms) {
    const u = form.action;
    if (u.origin !== base.origin || changesState(u) || !inScope(u, opts)) continue;
    const key = pathShape(u.pathname) + u.search;
    if (done.has(key)) continue;
    done.add(key);
    const shown = `POST ${displayPath(u)}`;
    const body = new URLSearchParams(form.fields).toString();
    const send = async (cookies) => {
      const headers = { Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' };
      if (cookies.length > 0) headers.Cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return fetch(u, { method: 'POST', redirect: 'manual', headers, body,
                        signal: AbortSignal.timeout(opts.timeout * 1000) });
    };
    let res;
    try {
      res = await send(opts.cookies);
    } catch (err) {
      results.push({ ok: false, line: `form ${shown} (on ${form.from}): request failed: ${err.cause?.code || err.message}` });
      continue;
    }
    const ctype = (res.headers.get('content-type') || '').toLowerCase();
    if (res.status >= 500) {
      await res.body?.cancel();
      results.push({ ok: false, line: `form ${shown} (on ${form.from}): HTTP ${res.status} for invalid values` });
      continue;
    }
    if (res.status < 400 || !ctype.startsWith('text/html')) {
      await res.body?.cancel();
      accepted.push(`${shown} (HTTP ${res.status})`);
      continue;
    }
    const html = Buffer.from(await res.arrayBuffer());
    let visionHtml = null;
    try {
      const v = await send([...opts.cookies, VISION_COOKIE]);
      visionHtml = Buffer.from(await v.arrayBuffer());
    } catch (err) {
      results.push({ ok: false, line: `form ${shown} (vision): request failed: ${err.cause?.code || err.message}` });
    }
    results.push({ ok: true, line: `form ${shown}: invalid values answered HTTP ${res.status}` });
    pages.push({ url: u, path: `${shown} (form with errors)`, html, visionHtml, errorPage: true,
                 post: { status: res.status } });
  }
  return accepted;
}

// ---------------------------------------------------------------- vnu

function safeName(i, suffix, p) {
  const slug = p.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'root';
  return `${String(i).padStart(4, '0')}${suffix}-${slug}.html`;
}

function runVnu(java, jar, dir, files) {
  return new Promise((resolve, reject) => {
    const args = ['-Xss1m', '-jar', jar, '--errors-only', '--format', 'json', '--stdout',
      '--exit-zero-always', '--no-langdetect', ...files.map((f) => path.join(dir, f))];
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`vnu exited with ${code} and no JSON output: ${(err || out).trim().slice(0, 800)}`));
      }
    });
  });
}

function oneLine(s, max = 160) {
  const t = String(s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function vnuLocation(m) {
  const line = m.lastLine ?? m.firstLine;
  if (line === undefined) return '';
  const col = m.firstColumn ?? m.lastColumn;
  return col !== undefined ? `line ${line}:${col}` : `line ${line}`;
}

// ---------------------------------------------------------------- axe

// `page` is a reused tab whose context has axe-core as an init script.
async function runAxe(page, url, timeoutS, errorPage) {
  const res = await page.goto(url, { waitUntil: 'load', timeout: timeoutS * 1000 });
  if (res && res.status() >= 400 && !errorPage) throw new Error(`HTTP ${res.status()} in the browser`);
  await page.evaluate(() => document.fonts && document.fonts.ready).catch(() => {});
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    if (typeof axe === 'undefined') throw new Error('axe-core was not injected into the page');
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' '),
        summary: n.failureSummary || '',
        html: n.html || '',
      })),
    }));
  }, AXE_TAGS);
}

// Run on the page runAxe just checked: narrows the tab to REFLOW_WIDTH, measures, restores.
// Returns { width, viewport, wide: [the outermost elements that stick out, at most 3] }.
async function measureReflow(page) {
  await page.setViewportSize({ width: REFLOW_WIDTH, height: VIEWPORT.height });
  try {
    return await page.evaluate(() => {
      const root = document.documentElement;
      const w = root.clientWidth;
      const name = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
        (typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
      // Inside a scrolling or clipping container, wide content does not widen the page.
      const clipped = (el) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return true;
        }
        return false;
      };
      const wide = [];
      if (root.scrollWidth > w) {
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.right <= w + 0.5) continue;
          const parent = el.parentElement;
          if (parent && parent !== document.body && parent.getBoundingClientRect().right > w + 0.5) continue;
          if (clipped(el)) continue;
          wide.push(`${name(el)} (${Math.round(r.right)} px)`);
          if (wide.length >= 3) break;
        }
      }
      return { width: root.scrollWidth, viewport: w, wide };
    });
  } finally {
    await page.setViewportSize(VIEWPORT);
  }
}

function formatAxe(violations) {
  const head = violations.map((v) => {
    const targets = v.nodes.slice(0, 2).map((n) => n.target).join(', ');
    const more = v.nodes.length > 2 ? ` (+${v.nodes.length - 2} more)` : '';
    return `${v.id}: ${v.help} [${targets}]${more}`;
  }).join('; ');
  const details = [];
  for (const v of violations) {
    details.push(`  ${v.id} (${v.impact}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 5)) {
      details.push(`    ${n.target}  ${oneLine(n.html, 120)}`);
      for (const s of n.summary.split('\n').map((x) => x.trim()).filter(Boolean).slice(0, 4)) {
        details.push(`      ${oneLine(s, 200)}`);
      }
    }
    if (v.nodes.length > 5) details.push(`    … and ${v.nodes.length - 5} more element(s)`);
  }
  return { head, details };
}

// Runs fn(item, index, workerState) over items with `jobs` workers.
async function pool(items, jobs, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, items.length) }, async () => {
    const state = {};
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i, state);
    }
  });
  await Promise.all(workers);
}

// ---------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  const opts = parseArgs(process.argv.slice(2));

  let base;
  try {
    base = new URL(opts.base);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    setupError(`--base must be an http(s) URL, got "${opts.base}"`);
  }

  // Tools.
  const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) setupError(`Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM)`);
  const java = process.env.JAVA || 'java';
  const jv = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (jv.error || jv.status !== 0) setupError(`Java not found or not working ("${java} -version" failed; apt-get install default-jre-headless, or set JAVA)`);
  let vnuJar;
  let axeSource;
  let chromium;
  try {
    vnuJar = String(require('vnu-jar'));
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    setupError(`npm packages missing (run "npm ci" in ${path.dirname(new URL(import.meta.url).pathname)}): ${err.message}`);
  }
  if (!existsSync(vnuJar)) setupError(`vnu.jar not found at ${vnuJar} (run "npm ci")`);

  await waitForBase(new URL(opts.starts[0], base), opts.wait, opts.timeout, opts.cookies);

  // 1. Crawl.
  const linkResults = [];
  const { pages, notVisited, nonHtml, shapeCapped, outOfScope, forms } = await crawl(base, opts, linkResults);
  const acceptedForms = opts.submitForms ? await submitForms(base, opts, forms, pages, linkResults) : [];
  const tCrawl = Date.now();
  if (pages.length === 0 && linkResults.length === 0) setupError('no HTML pages found from the start paths');

  // 2. vnu over all saved files, in the background while the browser works.
  const dir = mkdtempSync(path.join(tmpdir(), 'web-check-'));
  const files = [];
  const fileOwner = new Map(); // file name -> { page, variant }
  let visionDiffers = 0;
  pages.forEach((p, i) => {
    const f = safeName(i, '', p.path);
    writeFileSync(path.join(dir, f), p.html);
    files.push(f);
    fileOwner.set(f, { page: p, variant: '' });
    if (p.visionHtml && !p.visionHtml.equals(p.html)) {
      visionDiffers++;
      const fv = safeName(i, 'v', p.path);
      writeFileSync(path.join(dir, fv), p.visionHtml);
      files.push(fv);
      fileOwner.set(fv, { page: p, variant: '(vision) ' });
    }
  });
  let tVnu = Date.now();
  const vnuPromise = (files.length ? runVnu(java, vnuJar, dir, files) : Promise.resolve({ messages: [] }))
    .then((json) => ({ json }), (error) => ({ error }))
    .finally(() => { tVnu = Date.now(); });

  // 3. axe, normal and vision, one browser (reused tabs, axe-core as an init script).
  const axeResults = new Map(); // page index -> { normal, vision }
  if (pages.length > 0) {
    let browser;
    try {
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 60000 });
    } catch (err) {
      await vnuPromise;
      if (!opts.keepHtml) rmSync(dir, { recursive: true, force: true });
      setupError(`cannot start Chromium (${chromiumPath}): ${oneLine(err.message, 400)}`);
    }
    const ctxOpts = { bypassCSP: true, reducedMotion: 'reduce', locale: 'ru-RU', viewport: VIEWPORT };
    const contexts = { normal: await browser.newContext(ctxOpts), vision: await browser.newContext(ctxOpts) };
    await contexts.vision.addCookies([{ ...VISION_COOKIE, url: `${base.origin}/` }]);
    for (const ctx of Object.values(contexts)) {
      if (opts.cookies.length > 0) await ctx.addCookies(opts.cookies.map((c) => ({ ...c, url: `${base.origin}/` })));
    }
    for (const ctx of Object.values(contexts)) await ctx.addInitScript(axeSource);

    await pool(pages.map((_, i) => i), opts.jobs, async (i, _n, tabs) => {
      const res = {};
      axeResults.set(i, res);
      for (const kind of ['normal', 'vision']) {
        try {
          if (!tabs[kind]) tabs[kind] = await contexts[kind].newPage();
          const p = pages[i];
          // A form's error page is shown where the browser would show it: at the action.
          const served = p.post ? (kind === 'vision' && p.visionHtml ? p.visionHtml : p.html) : null;
          if (served) {
            await tabs[kind].route(p.url.href, (route) => route.fulfill({
              status: p.post.status, contentType: 'text/html; charset=utf-8', body: served }));
          }
          try {
            res[kind] = { violations: await runAxe(tabs[kind], p.url.href, opts.timeout, p.errorPage) };
            res[kind].reflow = await measureReflow(tabs[kind]);
          } finally {
            if (served) await tabs[kind].unroute(p.url.href).catch(() => {});
          }
        } catch (err) {
          res[kind] = { error: oneLine(String(err.message).split('\n')[0], 300) };
          // Go on in a fresh tab.
          await tabs[kind]?.close().catch(() => {});
          tabs[kind] = null;
        }
      }
    });
    await browser.close().catch(() => {});
  }
  const tAxe = Date.now();

  const vnuOut = await vnuPromise;
  if (vnuOut.error) {
    if (!opts.keepHtml) rmSync(dir, { recursive: true, force: true });
    setupError(`the Nu HTML Checker failed: ${vnuOut.error.message}`);
  }
  const vnuByPage = new Map(); // page -> messages
  const orphanVnu = [];
  for (const m of vnuOut.json.messages || []) {
    let owner = null;
    if (m.url) {
      let f = m.url;
      try { f = path.basename(new URL(m.url).pathname); } catch { f = path.basename(m.url); }
      owner = fileOwner.get(f);
    }
    if (!owner) { orphanVnu.push(m); continue; }
    const list = vnuByPage.get(owner.page) ?? [];
    // The vision version usually repeats the normal version's errors: say them once.
    if (owner.variant && list.some((o) => !o.variant && o.message === m.message && o.extract === m.extract)) continue;
    list.push({ ...m, variant: owner.variant });
    vnuByPage.set(owner.page, list);
  }

  // 4. Report.
  let passed = 0;
  let failed = 0;
  const report = (ok, line, details = []) => {
    if (ok) passed++; else failed++;
    console.log(`${ok ? 'ok' : 'not ok'} - ${line}`);
    for (const d of details) console.log(`#${d}`);
  };

  for (const r of linkResults) report(r.ok, r.line);
  pages.forEach((p, i) => {
    const msgs = vnuByPage.get(p) ?? [];
    if (msgs.length === 0) {
      report(true, `vnu ${p.path}`);
    } else {
      const fmt = (m) => `${m.variant}${m.type === 'non-document-error' ? 'non-document-error: ' : ''}${vnuLocation(m)}${vnuLocation(m) ? ': ' : ''}${oneLine(m.message, 200)}`;
      const head = msgs.slice(0, 3).map(fmt).join(' | ') + (msgs.length > 3 ? ` (+${msgs.length - 3} more)` : '');
      const details = msgs.slice(0, 20).map((m) => `  ${fmt(m)}${m.extract ? `  «${oneLine(m.extract, 100)}»` : ''}`);
      if (msgs.length > 20) details.push(`  … and ${msgs.length - 20} more`);
      report(false, `vnu ${p.path}: ${head}`, details);
    }
    for (const kind of ['normal', 'vision']) {
      const label = kind === 'normal' ? 'axe' : 'axe(vision)';
      const r = axeResults.get(i)[kind];
      if (!r || r.error) {
        report(false, `${label} ${p.path}: could not run axe: ${r ? r.error : 'no result'}`);
      } else if (r.violations.length === 0) {
        report(true, `${label} ${p.path}`);
      } else {
        const { head, details } = formatAxe(r.violations);
        report(false, `${label} ${p.path}: ${head}`, details);
      }
    }
    // One line for both versions.
    const measured = ['normal', 'vision'].map((kind) => ({ kind, r: axeResults.get(i)[kind]?.reflow }));
    const tooWide = measured.filter(({ r }) => r && r.width > r.viewport);
    if (measured.some(({ r }) => !r)) {
      report(false, `reflow ${p.path}: not measured (the page did not load in ${measured.filter(({ r }) => !r).map(({ kind }) => kind).join(' and ')} mode)`);
    } else if (tooWide.length === 0) {
      report(true, `reflow ${p.path}`);
    } else {
      const txt = tooWide.map(({ kind, r }) => `${kind === 'vision' ? 'vision: ' : ''}${r.width} px wide at ${r.viewport} px${r.wide.length ? `: ${r.wide.join(', ')}` : ''}`);
      report(false, `reflow ${p.path}: ${txt.join('; ')}`);
    }
  });
  for (const m of orphanVnu) report(false, `vnu: ${m.type}: ${oneLine(m.message, 300)}`);

  if (nonHtml.length > 0) {
    console.log(`# not checked (not text/html): ${nonHtml.slice(0, 10).join(', ')}${nonHtml.length > 10 ? `, … (${nonHtml.length} in all)` : ''}`);
  }
  if (acceptedForms.length > 0) {
    console.log(`# forms that accepted empty fields (no error page to check): ${acceptedForms.join(', ')}`);
  }
  if (shapeCapped.length > 0) {
    console.log(`# only ${opts.maxSameShape} page(s) checked per numbered path: ${shapeCapped.join(', ')}`);
  }
  if (outOfScope > 0) console.log(`# ${outOfScope} link(s) outside --only ${opts.only.join(', ')} answered below 400 and were not checked further`);
  if (notVisited > 0) console.log(`# crawl stopped at --max-pages ${opts.maxPages}; ${notVisited} queued link(s) not visited`);
  if (pages.length > 0 && visionDiffers === 0) console.log('# note: the vision=on cookie did not change the HTML of any page');
  console.log(`# ${pages.length} page(s); crawl ${((tCrawl - t0) / 1000).toFixed(1)}s, axe ${((tAxe - tCrawl) / 1000).toFixed(1)}s, vnu ${((tVnu - tCrawl) / 1000).toFixed(1)}s (in parallel), total ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (opts.keepHtml) console.log(`# saved HTML kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  console.log(`web: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`web: setup error: unexpected failure: ${err && err.stack ? err.stack : err}`);
  process.exit(2);
});
