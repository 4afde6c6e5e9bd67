import { expect, it } from 'vitest';
import { agenciesRepository } from '../../src/db/repositories/agencies.ts';
import { describeEachEngine } from '../helpers/databases.ts';

const NOW = '2026-11-25T00:00:00.000Z';

describeEachEngine('agencies repository', (ctx) => {
  it('stores a hierarchy and returns an agency’s whole subtree', async () => {
    const repo = agenciesRepository(ctx.db.db);
    const city = await repo.insert(
      { code: '330200', name: '宁波市人民政府', type: 'government', parentId: null },
      NOW,
    );
    const county = await repo.insert(
      { code: '330226', name: '宁海县人民政府', type: 'government', parentId: city.id },
      NOW,
    );
    const office = await repo.insert(
      { code: '330226-001', name: '宁海县人民政府办公室', type: 'general_office', parentId: county.id },
      NOW,
    );
    const town = await repo.insert(
      { code: '330226-101', name: '宁海县跃龙街道办事处', type: 'street', parentId: county.id },
      NOW,
    );
    expect((await repo.subtreeIds(county.id)).sort()).toEqual([county.id, office.id, town.id].sort());
    expect((await repo.subtreeIds(city.id)).length).toBe(4);
    expect(await repo.findByCodeOrName('宁海县人民政府办公室')).toEqual(office);
    expect(await repo.findByCodeOrName('330226-001')).toEqual(office);
  });

  it('refuses a second agency with the same code, keeping the first', async () => {
    const repo = agenciesRepository(ctx.db.db);
    await repo.insert({ code: 'X1', name: '甲局', type: 'department', parentId: null }, NOW);
    await expect(
      repo.insert({ code: 'X1', name: '乙局', type: 'department', parentId: null }, NOW),
    ).rejects.toThrow();
    expect((await repo.findByCodeOrName('X1'))?.name).toBe('甲局');
  });
});
