// npm start: the desktop app where Electron's binary exists or can be fetched; otherwise one line
// saying so, and the same app served to the browser at a printed http://127.0.0.1:PORT address.
import { spawn, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron'); // the path of the binary, or a throw when it was never fetched
  } catch {
    return null;
  }
}

let binary = electronBinary();
if (!binary) {
  // npm install skips Electron's download (see allowScripts in package.json); try it once now.
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  binary = electronBinary();
}

/** Whether the outlets can be reached at all: a machine without internet gets the bundled samples. */
async function outletsReachable() {
  try {
    await lookup('www.zakon.kz');
    return true;
  } catch {
    return false;
  }
}

const extraArgs = process.argv.slice(2);
let child;
if (binary) {
  child = spawn(binary, [root, ...extraArgs], { stdio: 'inherit' });
} else {
  // Without the internet the real outlets would all show errors and no items: the browser host
  // then starts with the bundled sample outlets (as `npm run demo`), and says so.
  const online = await outletsReachable();
  console.error(
    online
      ? "Electron's binary is not installed and could not be downloaded here; serving the same app in your browser instead."
      : "Electron's binary is not installed and the outlets cannot be reached from here; serving the app with the bundled sample outlets in your browser instead.",
  );
  const cli = [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'src-main', 'cli', 'index.ts')];
  child = spawn(process.execPath, [...cli, online ? 'serve' : 'demo', ...extraArgs], { stdio: 'inherit' });
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
