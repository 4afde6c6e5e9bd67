import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/gongkai.js');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real `gongkai` command on its own SQLite file. */
const gongkai = (...args: string[]) =>
  run(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`, LOG_LEVEL: 'silent' },
  });

it('reindexes, optimizes and queries the search index from the terminal', { timeout: 60_000 }, async () => {
  await gongkai('demo');
  const reindexed = await gongkai('search', 'reindex');
  expect(reindexed.stdout).toMatch(/^已重建检索索引：收录\d+条/);
  expect((await gongkai('search', 'optimize')).stdout).toBe('已整理检索索引\n');
  const found = await gongkai('search', 'query', '工作动态');
  expect(found.stdout).toMatch(/^共\d+条，第1页\n/);
  expect(found.stdout).toContain('【');
  const none = await gongkai('search', 'query', '不存在的词语组合钨钼');
  expect(none.stdout).toBe('没有找到相关信息\n');
});
