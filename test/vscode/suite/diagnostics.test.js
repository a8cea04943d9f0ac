// netpol-lens diagnostics as VS Code shows them: errors for the mistakes example, and no
// errors for the tutorial's valid policies.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const H = require('./helpers');

// Valid examples that must produce no Error; add more files here as examples grow.
const VALID = ['tutorial/policies.yaml'];
const BROKEN = 'mistakes/broken-policies.yaml';

describe('diagnostics', () => {
  afterEach(H.closeAll);

  it(`${BROKEN} has netpol-lens errors with codes`, async () => {
    const doc = await H.openExample(BROKEN);
    const diags = await H.waitForErrors(doc);
    for (const d of diags) {
      assert.match(H.codeOf(d), /^(netpol|yaml)\//, `unexpected code in:\n${H.formatDiagnostics([d])}`);
    }
  });

  for (const file of VALID) {
    // An empty diagnostics list also means "not analysed yet", so asserting it right after
    // opening would pass vacuously. Instead: append the broken example to the document
    // (in memory), wait until the server reports errors for this very file, then put the
    // original text back and wait until the errors are gone and the state is stable: that
    // last publish is the server's verdict on the original text.
    it(`${file} has no netpol-lens errors`, async () => {
      const doc = await H.openExample(file);
      const original = doc.getText();
      const broken = fs.readFileSync(H.examplePath(BROKEN), 'utf8');
      await H.setText(doc, `${original.replace(/\n*$/, '\n')}---\n${broken}`);
      await H.waitForErrors(doc);
      await H.setText(doc, original);
      await H.waitForStable(`no netpol-lens errors on ${file}`, () => {
        const diags = H.lensDiagnostics(doc.uri);
        return H.errorsOf(diags).length === 0 && `${doc.version}:${H.formatDiagnostics(diags)}`;
      }, {
        show: () => `text restored: ${doc.getText() === original}\n${H.formatDiagnostics(H.lensDiagnostics(doc.uri))}`,
      });
      const errors = H.errorsOf(H.lensDiagnostics(doc.uri));
      assert.equal(errors.length, 0, `errors on ${file}:\n${H.formatDiagnostics(errors)}`);
    });
  }
});
