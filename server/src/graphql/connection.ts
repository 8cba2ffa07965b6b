import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { AppError } from '../platform/app-error';

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page sits in a list.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor?: string;

  @Field(() => String, { nullable: true })
  endCursor?: string;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 20).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string;
}

export interface Page {
  limit: number;
  offset: number;
}

/** Turns `first`/`after` into a limit and offset, refusing sizes outside 1–100. */
export function toPage(args: PageArgs): Page {
  const limit = args.first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError('PAGE_SIZE_OUT_OF_RANGE', { max: MAX_PAGE_SIZE });
  }
  let offset = 0;
  if (args.after) {
    const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
    const match = /^o:(\d{1,9})$/.exec(decoded);
    if (!match) throw new AppError('INVALID_CURSOR');
    offset = Number(match[1]) + 1;
  }
  return { limit, offset };
}

const cursorAt = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds a Relay connection from one page of rows and the total count. */
export function toConnection<T>(rows: T[], totalCount: number, page: Page): ConnectionShape<T> {
  const edges = rows.map((node, i) => ({ cursor: cursorAt(page.offset + i), node }));
  return {
    edges,
    nodes: rows,
    totalCount,
    pageInfo: {
      hasNextPage: page.offset + rows.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor,
      endCursor: edges[edges.length - 1]?.cursor,
    },
  };
}

/** Generic Relay connection type: `Connection(User, 'User')` gives `UserConnection` and `UserEdge`. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a list of ${name}.` })
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name}, with the total count.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [nodeType])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}
