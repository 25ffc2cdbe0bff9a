#!/usr/bin/env node
// Checks HTML files with axe-core's WCAG 2.2 A and AA rules in headless
// Chromium, offline: every rule tagged wcag2a, wcag2aa, wcag21a, wcag21aa
// or wcag22aa, the experimental ones among them included (axe-core 4.14:
// td-has-header, table-fake-caption, p-as-heading, css-orientation-lock).
// Chromium is driven through the DevTools protocol on a pipe
// (--remote-debugging-pipe), so the only package is axe-core, and every
// request for an address off this computer is refused. Run it through
// scripts/axe-check, which checks that Node.js and node_modules are there
// first.
//
//   node scripts/axe/check.js FILE.html [FILE.html...]
//
// Prints each violation in plain words (the rule, its impact, what it
// asks, and the element: its selector and HTML) and exits
//   0  no violations in any file
//   1  at least one violation
//   2  something to install is missing (Chromium, or node_modules), with
//      a message saying what
//   3  anything else went wrong (no such file, the page would not load)
//
// CHROMIUM names the browser to use; otherwise chromium, chromium-browser,
// google-chrome-stable or google-chrome is looked for on the PATH.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const HERE = __dirname;

// Flags that keep Chromium from reaching for the network: the machine the
// check runs on may be closed, and the page is a local file.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--safebrowsing-disable-auto-update',
  '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
];

function missing(msg) {
  process.stderr.write('axe-check: ' + msg + '\n');
  process.exit(2);
}

function fail(msg) {
  process.stderr.write('axe-check: ' + msg + '\n');
  process.exit(3);
}

// The packages, and that they are the versions package-lock.json pins.
function loadModules() {
  const npmCi = 'run: npm ci --prefix scripts/axe';
  let lock;
  try {
    lock = JSON.parse(fs.readFileSync(path.join(HERE, 'package-lock.json'), 'utf8'));
  } catch (e) {
    fail('cannot read scripts/axe/package-lock.json: ' + e.message);
  }
  for (const name of ['axe-core']) {
    const want = lock.packages['node_modules/' + name].version;
    let have;
    try {
      have = JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch (e) {
      missing(name + ' is not installed in scripts/axe/node_modules: ' + npmCi);
    }
    if (have !== want) {
      missing(name + ' ' + have + ' is installed but package-lock.json pins ' + want + ': ' + npmCi);
    }
  }
  return {
    axeSource: fs.readFileSync(path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'),
    axeVersion: lock.packages['node_modules/axe-core'].version,
  };
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch (e) {
    return false;
  }
}

function findChromium() {
  const install = 'Chromium is missing: sudo apt-get install chromium (or set CHROMIUM to a Chromium or Chrome program)';
  if (process.env.CHROMIUM) {
    if (!isExecutable(process.env.CHROMIUM)) {
      missing('CHROMIUM=' + process.env.CHROMIUM + ' is not a program. ' + install);
    }
    return process.env.CHROMIUM;
  }
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  let snap = '';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    for (const dir of dirs) {
      const p = path.join(dir, name);
      if (!isExecutable(p)) {
        continue;
      }
      if (isSnap(p)) {
        snap = snap || p;
        continue;
      }
      return p;
    }
  }
  const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  if (process.platform === 'darwin' && isExecutable(mac)) {
    return mac;
  }
  if (snap) {
    missing(snap + ' is the snap of Chromium, which cannot be driven from here (it cannot read the test\'s files). ' +
      'Install Debian\'s chromium or Google Chrome\'s .deb, or set CHROMIUM to a Chromium or Chrome program');
  }
  missing(install);
}

// Ubuntu's chromium and chromium-browser are the snap, or a script that
// starts it.
function isSnap(p) {
  let real;
  try {
    real = fs.realpathSync(p);
  } catch (e) {
    return false;
  }
  if (real.startsWith('/snap/') || path.basename(real) === 'snap') {
    return true;
  }
  try {
    const st = fs.statSync(real);
    return st.size < 16384 && /\/snap\/bin\/|snap install/.test(fs.readFileSync(real, 'latin1'));
  } catch (e) {
    return false;
  }
}

function oneLine(s, max) {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function describe(file, violations) {
  const out = [];
  const count = violations.reduce((n, v) => n + v.nodes.length, 0);
  out.push(`${file}: ${violations.length} rule${violations.length === 1 ? '' : 's'} broken, at ${count} place${count === 1 ? '' : 's'}`);
  for (const v of violations) {
    out.push('');
    out.push(`  ${v.id} (${v.impact || 'no impact given'}): ${v.help}`);
    out.push(`    ${v.description}`);
    out.push(`    WCAG tags: ${v.tags.filter((t) => /^wcag/.test(t)).join(', ')}; more: ${v.helpUrl}`);
    for (const n of v.nodes) {
      out.push(`    - at ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' , ')}`);
      out.push(`      element: ${oneLine(n.html, 300)}`);
      if (n.failureSummary) {
        for (const line of n.failureSummary.split('\n')) {
          if (line.trim()) {
            out.push(`      ${line.trim()}`);
          }
        }
      }
    }
  }
  return out.join('\n');
}

// The DevTools protocol on the pipe Chromium opens on its fds 3 (in) and
// 4 (out): JSON messages ending in a NUL byte.
class Browser {
  constructor(executablePath) {
    this.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'axe-check-'));
    this.proc = spawn(executablePath, [...CHROMIUM_ARGS, '--user-data-dir=' + this.profile, '--remote-debugging-pipe', 'about:blank'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.calls = new Map();
    this.listeners = new Set();
    this.stderr = '';
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.on('error', (e) => this.die('could not start ' + executablePath + ': ' + e.message));
    this.proc.on('exit', (code, signal) => this.die(`${executablePath} stopped (${signal || 'exit ' + code})`));
    this.proc.stderr.on('data', (b) => { this.stderr = (this.stderr + b).slice(-4000); });
    let buf = Buffer.alloc(0);
    this.proc.stdio[4].on('data', (b) => {
      buf = Buffer.concat([buf, b]);
      let end;
      while ((end = buf.indexOf(0)) >= 0) {
        const msg = JSON.parse(buf.subarray(0, end).toString('utf8'));
        buf = buf.subarray(end + 1);
        this.receive(msg);
      }
    });
    this.proc.stdio[3].on('error', () => {});
  }

  receive(msg) {
    if (msg.id !== undefined) {
      const call = this.calls.get(msg.id);
      if (call) {
        this.calls.delete(msg.id);
        if (msg.error) {
          call.reject(new Error(`${call.method}: ${msg.error.message}`));
        } else {
          call.resolve(msg.result);
        }
      }
      return;
    }
    for (const l of this.listeners) {
      l(msg);
    }
  }

  die(why) {
    if (this.closing) {
      return;
    }
    const err = new Error(why + (this.stderr.trim() ? '\n' + this.stderr.trim() : ''));
    for (const call of this.calls.values()) {
      call.reject(err);
    }
    this.calls.clear();
    this.dead = err;
  }

  send(method, params = {}, sessionId = undefined, timeout = 60000) {
    if (this.dead) {
      return Promise.reject(this.dead);
    }
    const id = this.nextId++;
    const msg = { id, method, params };
    if (sessionId) {
      msg.sessionId = sessionId;
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.calls.delete(id);
        reject(new Error(`${method}: no answer from Chromium in ${timeout / 1000}s`));
      }, timeout);
      this.calls.set(id, {
        method,
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.proc.stdio[3].write(JSON.stringify(msg) + '\0');
    });
  }

  // waitFor resolves with the first event of the session that pred accepts.
  waitFor(sessionId, pred, what, timeout = 30000) {
    return new Promise((resolve, reject) => {
      const l = (msg) => {
        if (msg.sessionId === sessionId && pred(msg)) {
          done();
          resolve(msg);
        }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`${what}: nothing in ${timeout / 1000}s`)); }, timeout);
      const done = () => { clearTimeout(timer); this.listeners.delete(l); };
      this.listeners.add(l);
    });
  }

  async close() {
    this.closing = true;
    if (!this.dead && this.proc.exitCode === null) {
      this.send('Browser.close', {}, undefined, 5000).catch(() => {});
      const t = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(t);
    }
    fs.rmSync(this.profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

// check loads the file in a fresh tab, runs axe on it and gives its
// results, and the addresses off this computer the page asked for (not
// fetched: the check is offline).
async function check(browser, file, axeSource) {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const blocked = new Set();
  const onPaused = (msg) => {
    if (msg.sessionId !== sessionId || msg.method !== 'Fetch.requestPaused') {
      return;
    }
    const { requestId, request } = msg.params;
    if (/^(file|data|about|blob):/.test(request.url)) {
      browser.send('Fetch.continueRequest', { requestId }, sessionId).catch(() => {});
    } else {
      blocked.add(request.url);
      browser.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, sessionId).catch(() => {});
    }
  };
  browser.listeners.add(onPaused);
  try {
    await browser.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sessionId);
    await browser.send('Page.enable', {}, sessionId);
    await browser.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
    const url = 'file://' + path.resolve(file).split(path.sep).map(encodeURIComponent).join('/');
    const loaded = browser.waitFor(sessionId, (m) => m.method === 'Page.loadEventFired', 'loading ' + file);
    loaded.catch(() => {});
    const nav = await browser.send('Page.navigate', { url }, sessionId);
    if (nav.errorText) {
      throw new Error('the page would not load: ' + nav.errorText);
    }
    await loaded;
    const evaluate = async (expression) => {
      const r = await browser.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (r.exceptionDetails) {
        const e = r.exceptionDetails;
        throw new Error((e.exception && e.exception.description) || e.text);
      }
      return r.result.value;
    };
    await evaluate(axeSource + '\n;undefined');
    // axe leaves its experimental rules out unless asked; those that test
    // these WCAG criteria (data cells with headers, captions, paragraphs
    // styled as headings, orientation) are asked for too.
    const results = await evaluate(`(async (tags) => {
      const rules = {};
      for (const r of axe.getRules(tags)) {
        if (r.tags.includes('experimental')) {
          rules[r.ruleId] = { enabled: true };
        }
      }
      const res = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return { violations: res.violations, incomplete: res.incomplete.map((r) => r.id) };
    })(${JSON.stringify(TAGS)})`);
    return { results, blocked: [...blocked] };
  } finally {
    browser.listeners.delete(onPaused);
    await browser.send('Target.closeTarget', { targetId }).catch(() => {});
  }
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0 || files.some((f) => f === '-h' || f === '--help')) {
    process.stderr.write('usage: scripts/axe-check FILE.html [FILE.html...]\n');
    process.exit(files.length === 0 ? 3 : 0);
  }
  for (const f of files) {
    if (!fs.existsSync(f) || !fs.statSync(f).isFile()) {
      fail('no such file: ' + f);
    }
  }
  const { axeSource, axeVersion } = loadModules();
  const browser = new Browser(findChromium());

  let broken = 0;
  let unreadable = 0;
  try {
    for (const file of files) {
      let got;
      try {
        got = await check(browser, file, axeSource);
      } catch (e) {
        process.stderr.write(`axe-check: ${file}: ${e.message}\n`);
        unreadable++;
        if (browser.dead) {
          break;
        }
        continue;
      }
      const { results, blocked } = got;
      if (blocked.length > 0) {
        process.stderr.write(`${file}: note: the page asked for ${blocked.length} address${blocked.length === 1 ? '' : 'es'} off this computer (not fetched): ${blocked.slice(0, 3).join(', ')}\n`);
      }
      if (results.violations.length > 0) {
        broken++;
        process.stdout.write(describe(file, results.violations) + '\n\n');
      } else {
        const review = results.incomplete;
        process.stdout.write(`${file}: no violations (axe-core ${axeVersion}, ${TAGS.join(' ')})` +
          (review.length ? `; to check by hand, as axe could not decide: ${review.join(', ')}` : '') + '\n');
      }
    }
  } finally {
    await browser.close();
  }
  if (broken > 0) {
    process.stdout.write(`${broken} of ${files.length} file${files.length === 1 ? '' : 's'} broke WCAG 2.2 A/AA rules (axe-core ${axeVersion}).\n`);
  }
  if (unreadable > 0) {
    process.exit(3);
  }
  if (broken > 0) {
    process.exit(1);
  }
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
