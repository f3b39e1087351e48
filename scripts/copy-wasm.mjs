// Copies the TensorFlow.js wasm binaries of the installed package into public/ so the
// static export serves the exact version the JavaScript was built against.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
const destination = fileURLToPath(new URL('../public/tfjs-wasm/', import.meta.url));

mkdirSync(destination, { recursive: true });
const binaries = readdirSync(dist).filter((name) => name.endsWith('.wasm'));
if (binaries.length === 0) throw new Error(`no .wasm files found in ${dist}; reinstall @tensorflow/tfjs-backend-wasm`);
for (const name of binaries) cpSync(join(dist, name), join(destination, name));
console.log(`copied ${binaries.length} wasm binaries to public/tfjs-wasm/`);
