// The test environment's bindings: the worker's own plus the migrations the setup file applies.
type WorkerEnv = import('../../worker/env').Env;
type TestMigration = import('cloudflare:test').D1Migration;
declare namespace Cloudflare {
  interface Env extends WorkerEnv {
    TEST_MIGRATIONS: TestMigration[];
  }
}
