/** A numbered schema step. `up` is plain SQL so that a migration reads like the schema it makes. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
