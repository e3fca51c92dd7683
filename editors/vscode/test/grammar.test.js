// The TextMate grammar's goldens: every sample (samples/*.hyp) and every example of
// docs/language.md (```hyp blocks and the unlabelled spec fragments) tokenized with vscode-textmate and vscode-oniguruma, as VS Code does, and each
// token's scopes compared with test/goldens/NAME.tokens. `node test/grammar.test.js --update`
// rewrites the goldens for review (git diff); a golden without its source fails, so they stay in step.
'use strict';
const fs = require('fs');
const path = require('path');
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..', '..', '..');
const goldens = path.join(__dirname, 'goldens');
const update = process.argv.includes('--update');

/** Every text to tokenize, by golden name: the samples, then the reference's examples in order. */
function inputs() {
  const all = new Map();
  const samples = path.join(root, 'samples');
  for (const file of fs.readdirSync(samples).filter((f) => f.endsWith('.hyp')).sort()) {
    all.set(`samples-${path.basename(file, '.hyp')}`, fs.readFileSync(path.join(samples, file), 'utf8'));
  }
  const reference = fs.readFileSync(path.join(root, 'docs', 'language.md'), 'utf8');
  // the ```hyp examples, and the unlabelled fragments of specs (a section, the structure), not the
  // rendered diagnostics
  const blocks = [...reference.matchAll(/^```(hyp)?\n([\s\S]*?)^```$/gm)].map((m) => m[2])
    .filter((text) => !/^(error|warning)\[/.test(text));
  if (blocks.length === 0) {
    throw new Error('docs/language.md has no ```hyp examples');
  }
  blocks.forEach((text, i) => all.set(`language-${String(i + 1).padStart(2, '0')}`, text));
  return all;
}

async function grammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.hyp') {
        return null;
      }
      const file = path.join(__dirname, '..', 'syntaxes', 'hyp.tmLanguage.json');
      return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.hyp');
}

/** One line per token: its text, then its scopes below the root, innermost last. */
function tokens(hyp, text) {
  const out = [];
  let state = textmate.INITIAL;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const result = hyp.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const part = line.substring(token.startIndex, token.endIndex);
      if (part.trim() === '') {
        continue;
      }
      out.push(`${JSON.stringify(part)} ${token.scopes.slice(1).join(' ') || '-'}`);
    }
    out.push('');
    state = result.ruleStack;
  }
  return out.join('\n');
}

async function main() {
  const hyp = await grammar();
  fs.mkdirSync(goldens, { recursive: true });
  const expected = inputs();
  let failures = 0;
  for (const [name, text] of expected) {
    const file = path.join(goldens, `${name}.tokens`);
    const actual = tokens(hyp, text);
    if (update) {
      fs.writeFileSync(file, actual);
      continue;
    }
    if (!fs.existsSync(file)) {
      console.error(`${name}: no golden (run with --update)`);
      failures++;
    } else if (fs.readFileSync(file, 'utf8') !== actual) {
      const want = fs.readFileSync(file, 'utf8').split('\n');
      const got = actual.split('\n');
      const at = got.findIndex((line, i) => line !== want[i]);
      console.error(`${name}: tokens differ from ${path.relative(root, file)} at token line ${at + 1}:`);
      console.error(`  expected ${want[at]}\n  actual   ${got[at]}`);
      failures++;
    }
  }
  for (const file of fs.readdirSync(goldens).filter((f) => f.endsWith('.tokens'))) {
    if (!expected.has(path.basename(file, '.tokens'))) {
      if (update) {
        fs.unlinkSync(path.join(goldens, file));
      } else {
        console.error(`${file}: a golden whose source is gone (run with --update)`);
        failures++;
      }
    }
  }
  if (failures > 0) {
    console.error(`grammar: ${failures} of ${expected.size} goldens differ`);
    process.exit(1);
  }
  console.log(`grammar: ${expected.size} goldens ${update ? 'written' : 'match'} (samples and docs/language.md)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
