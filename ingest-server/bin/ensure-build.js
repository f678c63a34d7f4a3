#!/usr/bin/env node
// Builds what is missing or stale (bin/build-stamp.js): run by `npm start` before the server starts and by `npm ci` (the
// prepare script). A production install (`npm ci --omit=dev`) has no esbuild: there a built tree starts as it is, and a
// missing or stale build is reported instead of attempted.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { BUILDS, ROOT, buildState } = require('./build-stamp');

const NAMES = { server: '伺服器與主控台', addin: 'Excel 增益集' };
const REASONS = { missing: '尚未建置', sources: '原始碼已變更', env: '建置時的環境變數（PORTFUND_PUBLIC_URL、PORTFUND_OFFICE_JS）不同' };

const canBuild = () => {
  try {
    require.resolve('esbuild', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
};

/**
 * Builds each stale build in turn. Without esbuild: a build made for other environment values is only warned about (the
 * add-in manifest keeps the URL it was built for); a missing or outdated one answers false.
 */
const ensureBuilt = () => {
  for (const name of Object.keys(BUILDS)) {
    const state = buildState(name);
    if (state === 'fresh') continue;
    if (!canBuild()) {
      if (state === 'env') {
        console.warn(`注意：${NAMES[name]}的${REASONS.env}；未安裝建置工具，沿用現有建置（以新的值執行 npm run build 可更新）`);
        continue;
      }
      console.error(`${NAMES[name]}${REASONS[state]}，且未安裝建置工具（esbuild 為開發相依套件）：請以 npm ci 安裝後執行 npm run build，再部署建置好的目錄`);
      return false;
    }
    console.log(`建置${NAMES[name]}（${REASONS[state]}）…`);
    const run = spawnSync(process.execPath, [join(ROOT, BUILDS[name].script)], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) return false;
  }
  return true;
};

module.exports = { ensureBuilt };

// `node ensure-build.js` (npm's prepare): never fails an install — npm start says what is missing
if (require.main === module) ensureBuilt();
