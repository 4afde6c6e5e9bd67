/** Every query about agencies and their hierarchy. */
import type { Kysely } from 'kysely';
import type { Agency, AgencyType } from '../../domain/agencies/model.ts';
import type { Database } from '../schema.ts';

type Row = { id: number; code: string; name: string; type: string; parent_id: number | null };
const toAgency = (r: Row): Agency => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type as AgencyType,
  parentId: r.parent_id,
});

export function agenciesRepository(db: Kysely<Database>) {
  return {
    async insert(a: Omit<Agency, 'id'>, now: string): Promise<Agency> {
      const row = await db
        .insertInto('agencies')
        .values({ code: a.code, name: a.name, type: a.type, parent_id: a.parentId, created_at: now })
        .returning(['id', 'code', 'name', 'type', 'parent_id'])
        .executeTakeFirstOrThrow();
      return toAgency(row);
    },

    async findById(id: number): Promise<Agency | null> {
      const row = await db
        .selectFrom('agencies')
        .select(['id', 'code', 'name', 'type', 'parent_id'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toAgency(row) : null;
    },

    /** By code or exact name (the CLI's `--agency` takes either). */
    async findByCodeOrName(key: string): Promise<Agency | null> {
      const row = await db
        .selectFrom('agencies')
        .select(['id', 'code', 'name', 'type', 'parent_id'])
        .where((eb) => eb.or([eb('code', '=', key), eb('name', '=', key)]))
        .executeTakeFirst();
      return row ? toAgency(row) : null;
    },

    /** Sets the organisation code the agency's index numbers start with (索引号前段码). */
    async setOrgCode(id: number, orgCode: string | null): Promise<void> {
      await db.updateTable('agencies').set({ org_code: orgCode }).where('id', '=', id).execute();
    },

    async orgCodeOf(id: number): Promise<string | null> {
      const row = await db.selectFrom('agencies').select('org_code').where('id', '=', id).executeTakeFirst();
      return row?.org_code ?? null;
    },

    async list(): Promise<Agency[]> {
      const rows = await db
        .selectFrom('agencies')
        .select(['id', 'code', 'name', 'type', 'parent_id'])
        .orderBy('id')
        .execute();
      return rows.map(toAgency);
    },

    /** The agency and everything below it, by a recursive query (rollup runs over this). */
    async subtreeIds(rootId: number): Promise<number[]> {
      const rows = await db
        .withRecursive('tree(id)', (qb) =>
          qb
            .selectFrom('agencies')
            .select('id')
            .where('id', '=', rootId)
            .unionAll((q) =>
              q
                .selectFrom('agencies')
                .innerJoin('tree', 'tree.id', 'agencies.parent_id')
                .select('agencies.id'),
            ),
        )
        .selectFrom('tree')
        .select('id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
