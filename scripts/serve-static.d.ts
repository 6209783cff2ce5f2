/** The part of serve-static 2.x (no types of its own) that scripts/serve.ts uses. */
declare module 'serve-static' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface ServeStaticOptions {
    readonly index?: readonly string[] | false;
    readonly redirect?: boolean;
    readonly fallthrough?: boolean;
    readonly dotfiles?: 'allow' | 'deny' | 'ignore';
    readonly etag?: boolean;
    readonly lastModified?: boolean;
    readonly maxAge?: number | string;
    readonly extensions?: readonly string[] | false;
  }
  /** Called when no file was sent: with the error (its HTTP status) when fallthrough is false. */
  type Next = (err?: { status?: number; statusCode?: number }) => void;

  export default function serveStatic(root: string, options?: ServeStaticOptions): (req: IncomingMessage, res: ServerResponse, next: Next) => void;
}
