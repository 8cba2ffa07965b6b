/** A GraphQL client over real HTTP that keeps its own cookies, like one browser. */
export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
  /** SQL statements the server ran for this request (x-sql-statements). */
  sqlStatements: number;
  headers: Headers;
}

export class GraphqlClient {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...this.extraHeaders,
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = pair.split('=');
      if (attrs.some((a) => a.trim().toLowerCase() === 'max-age=0') || !value) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
    const body = (await res.json()) as { data?: T; errors?: GraphqlResponse['errors'] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors, sqlStatements: Number(res.headers.get('x-sql-statements') ?? -1), headers: res.headers };
  }

  /** Runs a query and fails loudly on any GraphQL error. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T & { sqlStatements: number }> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return Object.assign(r.data, { sqlStatements: r.sqlStatements });
  }

  async signIn(login: string, password: string): Promise<void> {
    const r = await this.ok<{ signIn: { userErrors: { code: string }[] } }>(
      'mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }',
      { i: { login, password } },
    );
    if (r.signIn.userErrors.length) throw new Error(`sign-in failed for ${login}: ${r.signIn.userErrors[0].code}`);
  }
}
