//! A real S3-protocol server on loopback for the tests: s3s with its file-system backend,
//! checking SigV4 signatures, counting every request by operation, and a proxy that can
//! cut a connection part-way through an upload.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnectionBuilder;
use s3s::access::{S3Access, S3AccessContext};
use s3s::auth::{S3Auth, SecretKey};
use s3s::service::S3ServiceBuilder;
use s3s::{S3Result, s3_error};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinSet;

/// The one access key the server knows.
pub const ACCESS_KEY: &str = "AKIABENCHLOGTEST";
/// Its secret.
pub const SECRET_KEY: &str = "benchlog-test-secret";
/// The bucket the tests mirror to.
pub const BUCKET: &str = "lab-certificates";

/// How many requests of each S3 operation the server accepted.
#[derive(Clone, Default)]
pub struct Requests(Arc<Mutex<HashMap<String, usize>>>);

impl Requests {
    /// How many `operation` requests ("PutObject", "UploadPart", …) arrived.
    pub fn count(&self, operation: &str) -> usize {
        let counts = self.0.lock().unwrap();
        counts.get(operation).copied().unwrap_or(0)
    }
}

#[async_trait::async_trait]
impl S3Access for Requests {
    async fn check(&self, cx: &mut S3AccessContext<'_>) -> S3Result<()> {
        let operation = cx.s3_op().name().to_owned();
        *self.0.lock().unwrap().entry(operation).or_default() += 1;
        match cx.credentials() {
            Some(_) => Ok(()),
            None => Err(s3_error!(AccessDenied, "Signature is required")),
        }
    }
}

/// Knows one key pair and answers others as AWS does.
struct OneKey;

#[async_trait::async_trait]
impl S3Auth for OneKey {
    async fn get_secret_key(&self, access_key: &str) -> S3Result<SecretKey> {
        if access_key == ACCESS_KEY {
            Ok(SecretKey::from(SECRET_KEY))
        } else {
            Err(s3_error!(InvalidAccessKeyId))
        }
    }
}

/// A running server over a folder: each bucket is a sub-folder, each object a file.
pub struct S3Server {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The folder it serves.
    pub root: PathBuf,
    /// Its request counts, kept across restarts.
    pub requests: Requests,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl S3Server {
    /// Starts a server over `root` (creating the test bucket) on a free port.
    pub async fn start(root: &Path) -> Self {
        std::fs::create_dir_all(root.join(BUCKET)).unwrap();
        Self::listen(root, "127.0.0.1:0".parse().unwrap(), Requests::default()).await
    }

    async fn listen(root: &Path, addr: SocketAddr, requests: Requests) -> Self {
        let mut builder = S3ServiceBuilder::new(s3s_fs::FileSystem::new(root).unwrap());
        builder.set_auth(OneKey);
        builder.set_access(requests.clone());
        let service = builder.build();
        let listener = TcpListener::bind(addr).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, mut stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let http = ConnectionBuilder::new(TokioExecutor::new());
            let mut connections = JoinSet::new();
            loop {
                tokio::select! {
                    _ = &mut stopped => break,
                    Ok((socket, _)) = listener.accept() => {
                        let connection = http
                            .serve_connection(TokioIo::new(socket), service.clone())
                            .into_owned();
                        connections.spawn(async move { let _ = connection.await; });
                    }
                }
            }
            // Kept-alive connections would still reach the old service.
            connections.abort_all();
        });
        Self {
            addr,
            root: root.to_owned(),
            requests,
            stop: Some(stop),
            task,
        }
    }

    /// The URL to set as the mirror's endpoint.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops listening and drops every connection: the mirror is now unreachable.
    pub async fn stop(mut self) -> StoppedServer {
        let _ = self.stop.take().unwrap().send(());
        let _ = (&mut self.task).await;
        StoppedServer {
            addr: self.addr,
            root: self.root.clone(),
            requests: self.requests.clone(),
        }
    }

    /// The stored object's content, if the bucket holds `key`.
    pub fn object(&self, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.root.join(BUCKET).join(key)).ok()
    }
}

/// A stopped server, to start again on the same port over the same folder.
pub struct StoppedServer {
    addr: SocketAddr,
    root: PathBuf,
    requests: Requests,
}

impl StoppedServer {
    /// Starts it again.
    pub async fn restart(self) -> S3Server {
        S3Server::listen(&self.root, self.addr, self.requests).await
    }
}

/// A TCP proxy in front of a server that, while armed, cuts the next connection after it
/// has carried a number of bytes towards the server: an upload interrupted on the way.
pub struct CuttingProxy {
    /// Where it listens.
    pub addr: SocketAddr,
    cut_after: Arc<AtomicU64>,
}

impl CuttingProxy {
    /// A proxy to `upstream` that cuts nothing yet.
    pub async fn start(upstream: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let cut_after = Arc::new(AtomicU64::new(0));
        let armed = cut_after.clone();
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let budget = armed.swap(0, Ordering::SeqCst);
                tokio::spawn(relay(client, upstream, budget));
            }
        });
        Self { addr, cut_after }
    }

    /// The URL to set as the mirror's endpoint.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Cuts the next connection after `bytes` bytes sent towards the server.
    pub fn cut_next_connection_after(&self, bytes: u64) {
        self.cut_after.store(bytes, Ordering::SeqCst);
    }
}

/// Relays one connection; `budget` > 0 cuts it once that many bytes went upstream.
async fn relay(client: TcpStream, upstream: SocketAddr, budget: u64) {
    let Ok(server) = TcpStream::connect(upstream).await else {
        return;
    };
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let upload = async {
        let mut buffer = vec![0; 64 << 10];
        let mut sent = 0u64;
        loop {
            let read = client_read.read(&mut buffer).await.unwrap_or(0);
            if read == 0 || (budget > 0 && sent + read as u64 > budget) {
                return;
            }
            if server_write.write_all(&buffer[..read]).await.is_err() {
                return;
            }
            sent += read as u64;
        }
    };
    let download = tokio::io::copy(&mut server_read, &mut client_write);
    // Whichever direction ends first ends the connection, both halves dropped.
    tokio::select! {
        () = upload => {}
        _ = download => {}
    }
}
