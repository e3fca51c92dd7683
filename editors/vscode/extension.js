// The hyp extension: highlighting comes from the TextMate grammar; everything else (diagnostics as
// `hyp check` gives them, hover, completion, definition, references, rename, formatting, outline)
// from `hyp lsp`, started over standard input/output.
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** `hyp.path` as set: a bare command is looked up on the PATH, a relative path is the workspace's. */
function hypCommand() {
  const configured = vscode.workspace.getConfiguration('hyp').get('path', 'hyp');
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (folder && configured.includes('/') && !path.isAbsolute(configured)) {
    return path.resolve(folder.uri.fsPath, configured);
  }
  return configured;
}

function start() {
  const serverOptions = { command: hypCommand(), args: ['lsp'] };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'hyp' }, { scheme: 'untitled', language: 'hyp' }],
  };
  client = new LanguageClient('hyp', 'hyp language server', serverOptions, clientOptions);
  return client.start();
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('hyp.path')) {
      if (client) {
        await client.stop();
      }
      await start();
    }
  }));
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
