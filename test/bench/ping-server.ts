import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/** The baseline: a bare Apollo Server answering `{ ping }`, nothing else. */
const server = new ApolloServer({
  typeDefs: 'type Query { ping: String! }',
  resolvers: { Query: { ping: () => 'pong' } },
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
});
process.stdout.write(`ping server ready at ${url}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
