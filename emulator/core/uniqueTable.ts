/**
 * An account's rows of one kind whose id and one more field are both unique (an H.323 device's name, an
 * internal number's E.164 number): rows in creation order, with an index on that field for the uniqueness rule.
 * Route modules check uniqueness (each answers its own Zoom error) before they `put`.
 */
import type { AccountState, Handler, ZoomHttpError } from "../types";

export class UniqueTable<Row extends { readonly id: string }> {
  private readonly byId = new Map<string, Row>();
  private readonly idByKey = new Map<string, string>();

  constructor(private readonly keyOf: (row: Row) => string) {}

  /** Every row, in creation order (a replaced row keeps its place). */
  rows(): Row[] {
    return [...this.byId.values()];
  }

  get(id: string): Row | undefined {
    return this.byId.get(id);
  }

  /** The id of the row holding `key`, if any. */
  holder(key: string): string | undefined {
    return this.idByKey.get(key);
  }

  /** Adds a row, or replaces the one with its id (its key may change). */
  put(row: Row): void {
    const previous = this.byId.get(row.id);
    if (previous) this.idByKey.delete(this.keyOf(previous));
    this.byId.set(row.id, row);
    this.idByKey.set(this.keyOf(row), row.id);
  }

  /** Removes the row with this id; answers it, or undefined when there was none. */
  remove(id: string): Row | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    this.byId.delete(id);
    this.idByKey.delete(this.keyOf(row));
    return row;
  }
}

/**
 * The DELETE handler of a table: the row named by path parameter `idParam` goes, and the answer is `status` (Zoom
 * answers some deletes 200, most 204); an unknown id is the module's own not-found error.
 */
export function deleteRowHandler<Row extends { readonly id: string }>(
  tableOf: (account: AccountState) => UniqueTable<Row>,
  idParam: string,
  notFound: (id: string) => ZoomHttpError,
  status: 200 | 204,
): Handler {
  return (req) => {
    const id = req.pathParams[idParam];
    if (!tableOf(req.account).remove(id)) throw notFound(id);
    return { status };
  };
}
