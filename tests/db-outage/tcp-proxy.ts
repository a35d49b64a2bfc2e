import { connect, createServer, type Server, type Socket } from 'node:net'

// A TCP proxy between the app and PostgreSQL that a test can cut and restore: a database
// restart as the app sees it (connections drop, new ones are refused), without restarting
// the server that other test files share.

export interface TcpProxy {
  port: number
  /** Drops every connection and refuses new ones. */
  cut(): Promise<void>
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>
  close(): Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  let server: Server | undefined
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host)
        track(client)
        track(upstream)
        client.once('close', () => upstream.destroy())
        upstream.once('close', () => client.destroy())
        client.pipe(upstream).pipe(client)
      })
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address()
        resolve(typeof address === 'object' && address ? address.port : port)
      })
    })
  const stop = async () => {
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    for (const socket of sockets) socket.destroy()
    await closed
    server = undefined
  }
  const port = await listen(0)
  return {
    port,
    cut: stop,
    async restore() {
      await listen(port)
    },
    close: stop,
  }
}
