/** A table of catalogue items for the portal's columns: title (linked), agency, document number, date. */
import type { ItemSummary } from '../../../services/catalogue/query-items.ts';

export function ItemTable({
  items,
  caption,
  agencyNames,
  captionVisible = false,
}: {
  items: readonly ItemSummary[];
  caption: string;
  /** When given, a 发布机构 column. */
  agencyNames?: ReadonlyMap<number, string>;
  captionVisible?: boolean;
}) {
  return (
    <table class="list">
      <caption class={captionVisible ? undefined : 'visually-hidden'}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          {agencyNames ? <th scope="col">发布机构</th> : null}
          <th scope="col">文号</th>
          <th scope="col">发布日期</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr>
            <td>
              <a href={`/items/${item.id}`}>{item.title}</a>
            </td>
            {agencyNames ? <td>{agencyNames.get(item.agencyId) ?? ''}</td> : null}
            <td>{item.docNumber ?? ''}</td>
            <td class="date">{item.publishedOn ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
