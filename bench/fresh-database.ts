import pg from "pg";

/** A new empty database of this run next to the one `adminUrl` names (dropped first if a run left it). */
export async function freshDatabase(adminUrl: string, bench: string): Promise<string> {
  const name = `bailanys_bench_${bench}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database `freshDatabase` made, once the run is done with it. */
export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await admin.end();
}
