import { findOrObtainTemporalCli } from '../temporal/cli';
import { loadEnv } from '../config/load-env';

/** Makes sure the Temporal CLI is available (CI runs this before the tests) and prints where it is. */
findOrObtainTemporalCli({ explicitPath: loadEnv().TEMPORAL_CLI, log: (line) => console.log(line) })
  .then((cli) => console.log(`temporal CLI: ${cli}`))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
