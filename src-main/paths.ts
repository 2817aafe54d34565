// Where the project's files are when run from source (CLI under tsx, tests). The Electron shell
// computes its own from app.getAppPath(), because bundling moves this file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const resourcesDir = path.join(projectRoot, 'resources');
export const sampleFeedsDir = path.join(resourcesDir, 'sample-feeds');
export const rendererBuildDir = path.join(projectRoot, 'out', 'renderer');
export const appVersion: string = packageJson.version;
