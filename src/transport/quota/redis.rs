//! [`RedisStore`]: the shared budget in Redis, one Lua script per permit.
//!
//! A small RESP2 client over tokio's `TcpStream`, speaking only what the
//! store needs (`AUTH`, `SELECT`, `EVALSHA`, `EVAL`), rather than a general
//! Redis crate: it adds no dependency to the build, holds the crate's
//! `rust-version`, and every byte it reads is bounded.

use std::fmt;
use std::sync::Mutex;

use secrecy::{ExposeSecret, SecretString};
use sha1::{Digest, Sha1};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::{Grant, QuotaStore, Report, StoreError, StoreFuture, Window};

/// [`Window::report`] then [`Window::take`], line by line, in one atomic
/// step. Keep in step with window.rs (tests/shared_quota.rs runs both on
/// the same sequences).
const SCRIPT: &str = r"
local key = KEYS[1]
local now = tonumber(ARGV[1])
local f = redis.call('HMGET', key, 'reset', 'kreset', 'known', 'limit', 'taken', 'others', 'epoch', 'len')
local reset = tonumber(f[1]) or 0
local kreset = tonumber(f[2]) or 0
local known = tonumber(f[3]) or 0
local limit = tonumber(f[4]) or 0
local taken = tonumber(f[5]) or 0
local others = tonumber(f[6]) or 0
local epoch = tonumber(f[7]) or 0
local len = tonumber(f[8]) or 0
local EDGE, DEFLEN, MAXLEN, HOLD = 50, 10000, 3600000, 250
if ARGV[2] == '1' then
  local rlimit = tonumber(ARGV[3])
  local used = math.max(rlimit - tonumber(ARGV[4]), 0)
  local rr = tonumber(ARGV[5])
  local repoch = tonumber(ARGV[6])
  if kreset == 0 then
    reset = rr; kreset = rr; known = 1; limit = rlimit
    others = math.max(used - taken, 0)
  elseif rr == kreset then
    if repoch == epoch then
      others = math.max(others, used - taken)
      if known == 0 then reset = now + HOLD end
    end
  elseif rr > kreset then
    local gap = rr - kreset
    if gap <= MAXLEN then
      if len == 0 then len = gap else len = math.min(len, gap) end
    end
    if known == 1 then
      epoch = epoch + 1; taken = used; others = 0
    else
      others = math.max(used - taken, 0)
    end
    reset = rr; kreset = rr; known = 1; limit = rlimit
  end
end
local go = 0
if reset == 0 then
  taken = taken + 1; go = 1
else
  if now >= reset + EDGE then
    local l = len
    if l == 0 then l = DEFLEN end
    local k = math.floor((now - reset) / l) + 1
    reset = reset + k * l; known = 0; taken = 0; others = 0; epoch = epoch + 1
  end
  if limit - taken - others > 0 or (known == 0 and taken == 0) then
    taken = taken + 1; go = 1
  end
end
redis.call('HSET', key, 'reset', reset, 'kreset', kreset, 'known', known, 'limit', limit,
  'taken', taken, 'others', others, 'epoch', epoch, 'len', len)
local l = len
if l == 0 then l = DEFLEN end
redis.call('PEXPIRE', key, math.max(math.max(reset - now, 0) + 2 * l, 1))
return {go, epoch, reset + EDGE}
";

/// The longest reply line or bulk string read (the script's reply is a few
/// dozen bytes; an error message a few hundred).
const MAX_REPLY: usize = 4096;
/// Idle connections kept for reuse.
const MAX_IDLE: usize = 16;

/// A [`QuotaStore`] on Redis (2.6 or later; `HSET` with several fields needs
/// 4.0). Each permit is one `EVALSHA` of a Lua script that applies the
/// latest report and takes a permit atomically; the key expires by itself
/// two window lengths after its window ends.
///
/// Connections are opened on demand and reused (up to 16 idle); a call
/// that fails or times out drops its connection, and the next call opens a
/// new one, so a restarted server is picked up without notice. After a
/// restart the script is loaded again on the first `NOSCRIPT`.
///
/// Plain TCP only (`redis://`); `rediss://` (TLS) is refused.
pub struct RedisStore {
    addr: String,
    username: Option<String>,
    password: Option<SecretString>,
    db: u32,
    sha: String,
    idle: Mutex<Vec<Conn>>,
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("addr", &self.addr)
            .field("db", &self.db)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .finish_non_exhaustive()
    }
}

impl RedisStore {
    /// A store at `redis://[[user]:password@]host[:port][/db]` (port 6379
    /// and db 0 by default). Nothing is connected until the first call.
    ///
    /// # Errors
    /// A [`StoreError`] when the URL is not a `redis://` URL with a host
    /// (its text, which may hold a password, is not repeated).
    pub fn new(url: &str) -> Result<Self, StoreError> {
        let bad = |why: &str| StoreError::new(format!("invalid Redis URL: {why}"));
        let u = url::Url::parse(url).map_err(|e| bad(&e.to_string()))?;
        match u.scheme() {
            "redis" => {}
            "rediss" => return Err(bad("TLS (rediss://) is not supported")),
            _ => return Err(bad("the scheme must be redis://")),
        }
        let host = match u.host() {
            Some(url::Host::Ipv6(ip)) => format!("[{ip}]"),
            Some(h) => h.to_string(),
            None => return Err(bad("no host")),
        };
        let port = u.port().unwrap_or(6379);
        let decode = |s: &str| {
            percent_decode(s).ok_or_else(|| bad("the user or password is not valid UTF-8"))
        };
        let username = Some(decode(u.username())?).filter(|s| !s.is_empty());
        let password = match u.password() {
            Some(p) => Some(SecretString::from(decode(p)?)),
            None => None,
        };
        let db = match u.path().trim_start_matches('/') {
            "" => 0,
            n => n
                .parse()
                .map_err(|_| bad("the path must be a database number"))?,
        };
        Ok(RedisStore {
            addr: format!("{host}:{port}"),
            username,
            password,
            db,
            sha: hex::encode(Sha1::digest(SCRIPT.as_bytes())),
            idle: Mutex::new(Vec::new()),
        })
    }

    /// The window under `key`, as the script keeps it (`None` when the key
    /// does not exist or has expired): for tests and inspection.
    ///
    /// # Errors
    /// A [`StoreError`] when Redis cannot be reached or answers oddly.
    pub async fn window(&self, key: &str) -> Result<Option<Window>, StoreError> {
        const FIELDS: [&str; 8] = [
            "reset", "kreset", "known", "limit", "taken", "others", "epoch", "len",
        ];
        let mut args: Vec<&[u8]> = vec![b"HMGET", key.as_bytes()];
        args.extend(FIELDS.iter().map(|f| f.as_bytes()));
        let reply = self.call(&args).await?;
        let Reply::Array(items) = reply else {
            return Err(unexpected(&reply));
        };
        let mut v = [0u64; 8];
        let mut any = false;
        for (slot, item) in v.iter_mut().zip(&items) {
            if let Reply::Bulk(Some(b)) = item {
                any = true;
                *slot = std::str::from_utf8(b)
                    .ok()
                    .and_then(|s| s.parse::<f64>().ok())
                    .filter(|n| n.is_finite() && *n >= 0.0)
                    .map_or(0, |n| n as u64);
            }
        }
        Ok(any.then_some(Window {
            reset: v[0],
            kreset: v[1],
            known: v[2] == 1,
            limit: v[3],
            taken: v[4],
            others: v[5],
            epoch: v[6],
            len: v[7],
        }))
    }

    async fn connect(&self) -> Result<Conn, StoreError> {
        let stream = TcpStream::connect(&self.addr).await.map_err(|e| {
            StoreError::new(format!("cannot connect to Redis at {}: {e}", self.addr))
        })?;
        let _ = stream.set_nodelay(true);
        let mut conn = Conn {
            io: BufReader::new(stream),
        };
        if let Some(pw) = &self.password {
            let reply = match &self.username {
                Some(user) => {
                    conn.call(&[b"AUTH", user.as_bytes(), pw.expose_secret().as_bytes()])
                        .await?
                }
                None => conn.call(&[b"AUTH", pw.expose_secret().as_bytes()]).await?,
            };
            if let Reply::Error(e) = reply {
                // Redis's own message never repeats the password.
                return Err(StoreError::new(format!("Redis refused AUTH: {e}")));
            }
        }
        if self.db != 0 {
            let db = self.db.to_string();
            if let Reply::Error(e) = conn.call(&[b"SELECT", db.as_bytes()]).await? {
                return Err(StoreError::new(format!("Redis refused SELECT: {e}")));
            }
        }
        Ok(conn)
    }

    /// One command on an idle (or new) connection, which goes back to the
    /// pool only after a complete reply.
    ///
    /// A reused connection that fails may be one the server closed (it
    /// restarted, or dropped idle clients): the pool is emptied and the
    /// command tried once more on a new connection.
    async fn call(&self, args: &[&[u8]]) -> Result<Reply, StoreError> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let reply = match idle {
            Some(mut conn) => match conn.call(args).await {
                Ok(reply) => Ok((conn, reply)),
                Err(_) => {
                    self.idle.lock().unwrap_or_else(|p| p.into_inner()).clear();
                    Err(())
                }
            },
            None => Err(()),
        };
        let (conn, reply) = match reply {
            Ok(done) => done,
            Err(()) => {
                let mut conn = self.connect().await?;
                let reply = conn.call(args).await?;
                (conn, reply)
            }
        };
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < MAX_IDLE {
            idle.push(conn);
        }
        Ok(reply)
    }

    async fn run_script(
        &self,
        key: &str,
        now_ms: u64,
        report: Option<Report>,
    ) -> Result<Grant, StoreError> {
        let r = report.unwrap_or(Report {
            limit: 0,
            remaining: 0,
            reset_ms: 0,
            epoch: 0,
        });
        let nums = [
            now_ms.to_string(),
            if report.is_some() { "1" } else { "0" }.to_owned(),
            r.limit.to_string(),
            r.remaining.to_string(),
            r.reset_ms.to_string(),
            r.epoch.to_string(),
        ];
        let mut args: Vec<&[u8]> = vec![b"EVALSHA", self.sha.as_bytes(), b"1", key.as_bytes()];
        args.extend(nums.iter().map(|n| n.as_bytes()));
        let mut reply = self.call(&args).await?;
        if matches!(&reply, Reply::Error(e) if e.starts_with("NOSCRIPT")) {
            args[0] = b"EVAL";
            args[1] = SCRIPT.as_bytes();
            reply = self.call(&args).await?;
        }
        match &reply {
            Reply::Array(items) => match items.as_slice() {
                [Reply::Int(go), Reply::Int(epoch), Reply::Int(at)] if *epoch >= 0 && *at >= 0 => {
                    let (epoch, at_ms) = (epoch.unsigned_abs(), at.unsigned_abs());
                    Ok(if *go == 1 {
                        Grant::Go { epoch }
                    } else {
                        Grant::WaitUntil { at_ms }
                    })
                }
                _ => Err(unexpected(&reply)),
            },
            _ => Err(unexpected(&reply)),
        }
    }
}

impl QuotaStore for RedisStore {
    fn take<'a>(
        &'a self,
        key: &'a str,
        now_ms: u64,
        report: Option<Report>,
    ) -> StoreFuture<'a, Grant> {
        Box::pin(self.run_script(key, now_ms, report))
    }
}

fn unexpected(reply: &Reply) -> StoreError {
    match reply {
        Reply::Error(e) => StoreError::new(format!("Redis error: {e}")),
        other => StoreError::new(format!("unexpected Redis reply: {other:?}")),
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A RESP2 reply, as far as the store reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reply {
    Simple(String),
    Error(String),
    Int(i64),
    Bulk(Option<Vec<u8>>),
    Array(Vec<Reply>),
}

struct Conn {
    io: BufReader<TcpStream>,
}

impl Conn {
    async fn call(&mut self, args: &[&[u8]]) -> Result<Reply, StoreError> {
        let mut buf = Vec::with_capacity(64 + args.iter().map(|a| a.len() + 16).sum::<usize>());
        buf.extend_from_slice(format!("*{}\r\n", args.len()).as_bytes());
        for a in args {
            buf.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
            buf.extend_from_slice(a);
            buf.extend_from_slice(b"\r\n");
        }
        self.io.get_mut().write_all(&buf).await.map_err(io_err)?;
        self.read_reply(true).await
    }

    async fn line(&mut self) -> Result<String, StoreError> {
        let mut line = Vec::new();
        let limit = u64::try_from(MAX_REPLY).unwrap_or(u64::MAX);
        (&mut self.io)
            .take(limit)
            .read_until(b'\n', &mut line)
            .await
            .map_err(io_err)?;
        if !line.ends_with(b"\r\n") {
            return Err(StoreError::new(
                "Redis closed the connection or sent an overlong line",
            ));
        }
        line.truncate(line.len() - 2);
        String::from_utf8(line).map_err(|_| StoreError::new("Redis sent a line that is not UTF-8"))
    }

    /// One reply; arrays only at the top (the store never needs nesting).
    async fn read_reply(&mut self, top: bool) -> Result<Reply, StoreError> {
        let line = self.line().await?;
        let (kind, rest) = line.split_at(line.len().min(1));
        let num = || -> Result<i64, StoreError> {
            rest.parse()
                .map_err(|_| StoreError::new("Redis sent a malformed number"))
        };
        match kind {
            "+" => Ok(Reply::Simple(rest.to_owned())),
            "-" => Ok(Reply::Error(rest.to_owned())),
            ":" => Ok(Reply::Int(num()?)),
            "$" => {
                let n = num()?;
                if n < 0 {
                    return Ok(Reply::Bulk(None));
                }
                let n = usize::try_from(n)
                    .ok()
                    .filter(|n| *n <= MAX_REPLY)
                    .ok_or_else(|| StoreError::new("Redis sent an overlong string"))?;
                let mut data = vec![0; n + 2];
                self.io.read_exact(&mut data).await.map_err(io_err)?;
                if !data.ends_with(b"\r\n") {
                    return Err(StoreError::new("Redis sent a malformed string"));
                }
                data.truncate(n);
                Ok(Reply::Bulk(Some(data)))
            }
            "*" if top => {
                let n = num()?;
                if n < 0 {
                    return Ok(Reply::Array(Vec::new()));
                }
                let n = usize::try_from(n)
                    .ok()
                    .filter(|n| *n <= 16)
                    .ok_or_else(|| StoreError::new("Redis sent an overlong array"))?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(Box::pin(self.read_reply(false)).await?);
                }
                Ok(Reply::Array(items))
            }
            _ => Err(StoreError::new(
                "Redis sent a reply this client does not read",
            )),
        }
    }
}

fn io_err(e: std::io::Error) -> StoreError {
    StoreError::new(format!("Redis I/O: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_parsed_and_passwords_kept_out_of_debug_and_errors() {
        let s = RedisStore::new("redis://app:s3cr%40t@127.0.0.1:6380/2").expect("parsed");
        assert_eq!((s.addr.as_str(), s.db), ("127.0.0.1:6380", 2));
        assert_eq!(s.username.as_deref(), Some("app"));
        assert_eq!(
            s.password.as_ref().map(|p| p.expose_secret().to_owned()),
            Some("s3cr@t".into())
        );
        let dbg = format!("{s:?}");
        assert!(!dbg.contains("s3cr"), "{dbg}");
        let s = RedisStore::new("redis://:pw@localhost").expect("parsed");
        assert_eq!(
            (s.addr.as_str(), s.username.as_deref()),
            ("localhost:6379", None)
        );
        for bad in [
            "rediss://:hunter2@h:1",
            "http://:hunter2@h",
            "redis://:hunter2@h/x",
            "hunter2",
        ] {
            let e = RedisStore::new(bad).expect_err(bad).to_string();
            assert!(!e.contains("hunter2"), "{e}");
        }
    }
}
