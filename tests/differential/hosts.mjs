// Differential test: the host the core says a browser opens for a pasted text
// (`catalog::browser_host`) against the WHATWG URL parser of Node, the standard
// Chromium's address bar follows. The checker's «official» verdict rests on that host,
// so a core host that differs from the browser's is the bug of issue #12 again.
//
// The strings are generated from adversarial building blocks with a seeded PRNG: the
// same strings on every run, so a failure can be reproduced and a pass means the same
// thing each time. The core may refuse a text a browser would open (a bare word is a
// handle, a text with a space inside is not a link): refusals are counted by reason
// and must stay a minority, but a host that differs is always a failure.
//
// Usage: node tests/differential/hosts.mjs [path/to/browser_hosts]
// Without a path it runs the example through `cargo run`.

import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const COUNT = 20000;
const SEED = 0x12c0ffee;

// SplitMix32-style generator: small, fast and the same on every Node version.
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
}
const random = prng(SEED);
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];
// Inserts between code points, never inside a surrogate pair: the core reads UTF-8.
const insertAt = (text, piece) => {
  const chars = Array.from(text);
  chars.splice(Math.floor(random() * (chars.length + 1)), 0, piece);
  return chars.join('');
};

// Schemes a browser opens as http(s), written every way it still reads them…
const HTTP_SCHEMES = [
  'https://', 'http://', 'HTTPS://', 'HtTp://', 'hTTpS://', 'https:', 'http:', 'https:/',
  'https:///', 'https:\\\\', 'https:\\', 'http:/\\', 'https:\\/', 'HTTP:\\\\', 'https://\t',
  'https:\n//', 'ht\ttps://',
];
// …and what is not an http(s) scheme, or only looks like one.
const OTHER_SCHEMES = [
  '//', '\\\\', '/\\', 'https//', 'https/', 'ftp://', 'ws://', 'javascript:',
  'tg://resolve?domain=', 'file:///', 'data:text/html,', 'blob:https://', 'vk:', 'https+x://',
];
const USERINFO = [
  'evil.ru@', 'evil.ru\\@', 'vk.com@', 'user:pass@', 'vk.com:443@', '@', '@@', 'a@b@',
  'evil.ru%40vk.com@', 'evil.ru%5c@', ':@', 'user:@', ':pass@', 'vk.com\\:x@', 'evil.ru:\\@',
  'evil.ru/@', 'evil.ru?@', 'evil.ru#@', 'vk.com%2f@', 't.me@', 'evil.ru@@',
];
const PLATFORM_HOSTS = [
  'vk.com', 'm.vk.com', 'www.vk.com', 'vk.ru', 'VK.COM', 'Vk.Com', 't.me', 'T.ME',
  'telegram.me', 'telegram.dog', 'ok.ru', 'm.ok.ru', 'OK.RU', 'max.ru', 'www.max.ru',
];
const OTHER_HOSTS = [
  'evil.ru', 'vk.com.evil.ru', 'evil-vk.com', 'vk.co', 'vkcom', 'localhost', 'example.org',
  'a.b.c.d.e', 'xn--80ak6aa92e.com', 'xn--vk-abc.com', 'xn--a.com', 'xn--.com', 'xn--zz.ru',
  'xn--vkcom-4ve.ru', 'xn--d1acpjx3f.xn--p1ai', 'xn--80aswg.xn--p1ai', 'XN--P1AI',
  'вк.com', 'госуслуги.рф', 'пример.испытание', 'a'.repeat(63) + '.ru', 'a'.repeat(64) + '.ru',
  Array(60).fill('abcd').join('.') + '.ru', 'vk..com', '.vk.com', 'vk.com.', 'vk.com..',
  '..', '.', 'vk.com.。', '-vk.com', 'vk-.com', 'v_k.com', 'vk.com%00', 'vk.com%20x',
];
const IP_HOSTS = [
  '127.0.0.1', '0x7f.0.0.1', '0x7F.1', '0177.0.0.1', '0177.1', '2130706433', '127.1',
  '0x7f000001', '1.2.3.4.5', '256.0.0.1', '4294967295', '4294967296', '0x100000000',
  '1.2.3.09', '1.2.3.0x', '0x', '09.1.1.1', '1.2.3.4.', '1.2.3.4..', '010.010.010.010',
  '0.0.0.0', '999999999999999999', '1.256', '1.65536', '1.2.65536', '0xffffffff',
  '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[fe80::1%25eth0]', '[fe80::1%eth0]',
  '[1:2:3:4:5:6:7:8]', '[1:2:3:4:5:6:7:8:9]', '[::]', '[0:0::1.2.3.4]', '[::1.2.3]',
  '[::1]x', '::1', '[::1', '::1]', '[vk.com]', '[ffff::127.0.0.1]', '[::1.2.3.4.5]',
];
const PORTS = [
  '', '', '', '', ':', ':443', ':80', ':8080', ':0', ':65535', ':65536', ':99999999999',
  ':0443', ':-1', ':a', ':443:443', ':\t443', ':%34%34%33',
];
const PATHS = [
  '', '', '/', '/sosh5_nvkz', '/club123456', '/kuzbass_gov', '/group/5123', '/gubernator',
  '/public123456', '/s/kuzbass_gov', '/../x', '/%2e%2e/x', '/%2E%2E/%2e/x', '/./x', '\\x',
  '\\\\evil.ru', '/\\evil.ru', '//evil.ru', '/x?y=1#z', '?q=1', '#frag', '/a b', '/%D0%B0',
  '/sosh5_nvkz?w=wall-1', '/@evil.ru', ';x', '/x\n', '/x\t/y', '/%00', '/\u0430',
];
const HOST_ENCODINGS = [
  'vk%2ecom', 'vk%2Ecom', '%76k.com', 'vk.com%2f', 'vk.com%2F@evil.ru', 'vk%2e%63om',
  'vk.com%5c', '%2e', '%2e%2e', 'vk%E3%80%82com', 'vk%EF%BC%8Ecom', 't%2eme', 'ok%2Eru',
  'evil.ru%2f%2fvk.com', 'vk.com%40evil.ru', 'vk.com%3a443', 'vk.com%09', '%7F',
  'vk.com%25', '%D0%B2%D0%BA.com', 'xn--%76k.com',
];
// Characters that are invisible, look like others, or fold into ASCII under IDNA.
const NOISE = [
  '\u0430', '\u043e', '\u0435', '\u0440', '\u0441', '\u0445', '\u043a', '\u0432', // Cyrillic а о е р с х к в
  '\u03bf', '\u03ba', '\u03bd', '\u0391', // Greek ο κ ν Α
  '\u0585', '\u0578', '\u057d', // Armenian օ ո ս
  '\uff56', '\uff4b', '\uff0e', '\uff43', '\uff4f', '\uff4d', '\uff0f', '\uff20', // fullwidth v k . c o m / @
  '\u212a', '\u212b', '\u3002', '\uff61', '\ufe52', '\u2024', '\u2215', '\u2044', // Kelvin, Ångström, dots, slashes
  '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u034f', '\u180e', // soft hyphen, zero widths
  '\u202e', '\u202d', '\u200e', '\u200f', '\u2066', '\u2069', '\u061c', // bidi controls
  '\ufe0f', '\ufe00', '\udb40\udd00', // variation selectors (U+E0100 as a pair)
  '\u3164', '\u115f', '\u2061', // Hangul fillers, function application: ignored since UTS 46 15.1
  '\u00a0', '\u2000', '\u3000', '\u2028', '\u0085', '\u1680', // spaces
  '\t', '\n', '\r', '\u000b', '\u000c', '\u0000', '\u0001', '\u001f', '\u007f', // controls
  ' ', '\\', '@', ':', '%', '#', '?', '/', '.', '[', ']', '^', '|', '<', '>', '"', '`', '{',
  '\u00df', '\u03c2', '\u0131', '\u0130', '\u1e9e', '\ufb01', '\u2167', '\u24b6', // ß ς ı İ ẞ ﬁ Ⅷ Ⓐ
  '\ud835\udc2f', '\u0301', '\u0308', '\u05d0', '\u0627', '\u4e2d', '\ud83d\ude00', '\u00e9',
];
const AROUND = [
  '', '', '', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\ufeff', '\u0085', '\u2028',
  '\u0000', '\u001f', '\u007f', '\u200b', '<', '>', '"', "'", '«', '»', '« ', ' »', '<"',
];
const REALISTIC = [
  'vk.com/sosh5_nvkz', 'https://vk.com/sosh5_nvkz', 'https://vk.com/club123456',
  'http://m.vk.com/club123456?from=groups', 'https://t.me/kuzbass_gov', 't.me/s/kuzbass_gov',
  'https://ok.ru/group/5123', 'ok.ru/group/5123/topics', 'https://max.ru/gubernator',
  'max.ru/gubernator', 'www.vk.com/public123456', '@kuzbass_gov', 'kuzbass_gov',
  'https://vk.com/away.php?to=https%3A%2F%2Fevil.ru', 'vk.com', 'https://telegram.me/kuzbass_gov',
];
// Hand-written cases first: issue #12 and the classic confusions, always included.
const FIXED = [
  'https://evil.ru\\@vk.com/x', 'https://vk.com@evil.ru/x', 'evil.ru\\@vk.com/x',
  'vk.com@evil.ru', 'https://vk.com\\@evil.ru', 'https://evil.ru\\\\@vk.com', 'http:\\\\vk.com',
  'https:/vk.com/x', 'https:vk.com', 'HTTPS://VK.COM/SOSH5_NVKZ', 'https://vk%2ecom/x',
  'https://vk.com%2f@evil.ru', 'https://vk.com#@evil.ru', 'https://vk.com?@evil.ru',
  'https://vk。com/x', 'https://ｖｋ．ｃｏｍ/x', 'https://v\u212a.com/x', 'https://v\u00adk.com',
  'https://vk\u200b.com', 'https://\u202emoc.kv', 'https://xn--vk-abc.com', 'vk.com.',
  'https://vk.com:443/x', 'https://vk.com:/x', 'https://vk.com:65536/x', '//vk.com/x',
  '\\\\vk.com\\x', 'https://0x7f.1/', 'https://[::ffff:127.0.0.1]/', 'https://[fe80::1%25eth0]/',
  ' \t«https://vk.com/x»\n', '<https://t.me/kuzbass_gov>', '"ok.ru/group/5123"',
  '\u007fvk.com/x', 'vk.com/x\u007f', '\ufeffhttps://vk.com/x', '\u0000https://vk.com/x\u001f',
  'https://evil.ru%5c@vk.com', 'https://vk.com\t.evil.ru', 'https://vk.com\n@evil.ru',
  ...REALISTIC,
];

function host() {
  const roll = random();
  if (roll < 0.4) return pick(PLATFORM_HOSTS);
  if (roll < 0.6) return pick(OTHER_HOSTS);
  if (roll < 0.78) return pick(IP_HOSTS);
  return pick(HOST_ENCODINGS);
}

// Swaps dots for lookalike dots or encodings, letters for other cases or lookalikes.
function disguise(text) {
  let out = '';
  for (const char of text) {
    if (char === '.' && chance(0.15)) out += pick(['\uff0e', '\u3002', '\uff61', '%2e', '%2E', '..', '']);
    else if (/[a-z]/.test(char) && chance(0.05)) out += char.toUpperCase();
    else if (char === '/' && chance(0.1)) out += pick(['\\', '//', '\uff0f', '%2f']);
    else out += char;
  }
  return out;
}

function generate() {
  if (chance(0.08)) {
    let text = pick(REALISTIC);
    if (chance(0.5)) text = insertAt(text, pick(NOISE));
    return pick(AROUND) + text + pick(AROUND);
  }
  let middle = host();
  if (chance(0.4)) middle = disguise(middle);
  for (let n = Math.floor(random() * 3); n > 0 && chance(0.5); n--) middle = insertAt(middle, pick(NOISE));
  if (chance(0.12)) middle = pick(PLATFORM_HOSTS) + pick(['.', '-', '']) + middle;
  const roll = random();
  const scheme = roll < 0.6 ? pick(HTTP_SCHEMES) : roll < 0.72 ? pick(OTHER_SCHEMES) : '';
  const user = chance(0.25) ? pick(USERINFO) : '';
  let text = scheme + user + middle + pick(PORTS) + pick(PATHS);
  if (chance(0.1)) text = insertAt(text, pick(NOISE));
  if (chance(0.05)) text = text.toUpperCase();
  return pick(AROUND) + pick(AROUND) + text + pick(AROUND) + pick(AROUND);
}

// `catalog::trim_pasted` in JavaScript: JavaScript's white space, U+0085 and the C0
// controls, then the wrappers text puts around a link, then the spaces again.
const SPACE = '\\s\\u0085\\u0000-\\u001f';
const trimSpaces = (text) => text.replace(new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'gu'), '');
const trimWrappers = (text) => text.replace(/^[<>"'«»]+|[<>"'«»]+$/gu, '');
const trimPasted = (text) => trimSpaces(trimWrappers(trimSpaces(text)));

// Node 20's URL parser (ada 2.9) maps host names with the IDNA tables of UTS 46 15.0.
// Version 15.1 changed two things the core's `idna` crate (UTS 46 16) and Chromium's ICU
// (74 and later) follow: the capital sharp s ẞ maps to ß, no longer to `ss`, and the
// default-ignorable characters that were disallowed (Hangul fillers, U+180E…) are
// ignored. The reference applies those two changes to the text after deciding, on the
// text as pasted, whether it starts with a scheme (an ignored character in `h᠎ttps:`
// makes it no scheme, for a browser too). No generated text contains a character
// assigned after Unicode 15.0, which the old tables also lack. So adjusted, Node gave
// the host Chromium 156 gives for each of the 20 000 texts where both give one.
const UTS46_15_1_IGNORED = /[\u115f\u1160\u17b4\u17b5\u180e\u2061-\u2063\u206a-\u206f\u3164\uffa0\u{1d173}-\u{1d17a}]/gu;
const uts46v15v1 = (text) => text.replaceAll('\u1e9e', '\u00df').replace(UTS46_15_1_IGNORED, '');
let adjusted = 0;

// The host a browser opens: `null` when its parser throws.
function referenceHost(text) {
  const trimmed = trimPasted(text);
  const current = uts46v15v1(trimmed);
  if (current !== trimmed) adjusted += 1;
  try {
    return new URL(/^https?:/i.test(trimmed) ? current : `https://${current}`).hostname;
  } catch {
    return null;
  }
}

// Why the core gives no host for a text a browser opens, by the rules of `read_pasted`.
function refusal(text) {
  const t = trimPasted(text);
  if (t.includes(' ')) return 'space inside';
  if (t.startsWith('@')) return 'handle (@name)';
  const scheme = /^([A-Za-z][A-Za-z0-9+-]*):/.exec(t);
  const beforeSeparator = t.search(/[.:/\\?#]/);
  if (scheme && beforeSeparator === scheme[1].length) {
    return /^https?$/i.test(scheme[1]) ? 'core parser refused an http(s) URL' : 'scheme other than http(s)';
  }
  const site = t.replace(/^[/\\]+/, '');
  const end = site.search(/[/\\?#]/);
  if (!site.slice(0, end < 0 ? site.length : end).includes('.')) return 'no dot before the path (a handle)';
  return 'core parser refused';
}

function coreHosts(inputs) {
  const binary = process.argv[2] && resolve(process.argv[2]);
  const [command, args] = binary
    ? [binary, []]
    : ['cargo', ['run', '-q', '-p', 'catalog', '--example', 'browser_hosts', '--locked']];
  const run = spawnSync(command, args, {
    cwd: ROOT,
    input: inputs.map((s) => JSON.stringify(s)).join('\n') + '\n',
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`${command} failed (${run.status ?? run.signal}):\n${run.stderr}`);
  }
  const lines = run.stdout.trimEnd().split('\n');
  if (lines.length !== inputs.length) {
    throw new Error(`${inputs.length} inputs but ${lines.length} answers`);
  }
  return lines.map((line) => JSON.parse(line));
}

const seen = new Set();
const inputs = [];
for (const text of FIXED) if (!seen.has(text)) seen.add(text), inputs.push(text);
while (inputs.length < COUNT) {
  const text = generate();
  if (!seen.has(text)) seen.add(text), inputs.push(text);
}

const core = coreHosts(inputs);
const escape = (text) => JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
let passed = 0;
let failed = 0;
let agreed = 0;
let bothNone = 0;
let referenceHosts = 0;
const refusals = new Map();
const examples = new Map();
inputs.forEach((text, i) => {
  const reference = referenceHost(text);
  if (reference !== null) referenceHosts += 1;
  if (core[i] !== null) {
    if (core[i] === reference) {
      agreed += 1;
      passed += 1;
    } else {
      failed += 1;
      console.log(`FAIL ${escape(text)}: core host ${escape(core[i])}, browser ${reference === null ? 'throws' : escape(reference)}`);
    }
    return;
  }
  passed += 1;
  if (reference === null) {
    bothNone += 1;
    return;
  }
  const reason = refusal(text);
  refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
  if (!examples.has(reason)) examples.set(reason, []);
  if (examples.get(reason).length < 3) examples.get(reason).push(`${escape(text)} → ${escape(reference)}`);
});

const refused = [...refusals.values()].reduce((a, b) => a + b, 0);
console.log(`${inputs.length} strings (seed ${SEED.toString(16)}): ${agreed} same host, ${bothNone} no host in either, ${refused} refused by the core where the browser opens a host (of ${referenceHosts}); ${adjusted} read with the UTS 46 15.1 changes`);
for (const [reason, count] of [...refusals].sort((a, b) => b[1] - a[1])) {
  console.log(`  refused, ${reason}: ${count}  e.g. ${examples.get(reason).join('  ')}`);
}
// Refusing is safe, but a core that refused most links would be useless as a checker.
if (refused * 2 >= referenceHosts) {
  failed += 1;
  console.log(`FAIL the core refuses ${refused} of ${referenceHosts} texts a browser opens: not a minority`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
