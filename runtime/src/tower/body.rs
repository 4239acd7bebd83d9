//! [`ResponseBody`]: the body of a response that went through
//! [`ConditionalGet`](super::ConditionalGet).

use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use http::HeaderMap;
use http_body::{Body, Frame, SizeHint};
use http_body_util::BodyExt;

pin_project_lite::pin_project! {
    /// The inner service's body, untouched, or the bytes the middleware read
    /// to hash it (none for a 304).
    pub struct ResponseBody<B: Body> {
        #[pin]
        kind: Kind<B>,
    }
}

pin_project_lite::pin_project! {
    #[project = KindProjection]
    enum Kind<B: Body> {
        /// Passed through as it is.
        Inner {
            #[pin]
            body: B,
        },
        /// Read whole: its data, then its trailers.
        Buffered {
            data: Option<Bytes>,
            trailers: Option<HeaderMap>,
        },
        /// The nothing of a 304.
        NotModified,
        /// A body that said it was small and turned out larger: what was
        /// read, then the rest as it comes.
        Prefixed {
            prefix: Option<Bytes>,
            rest: Pin<Box<B>>,
        },
        /// A body that failed while it was read: what was read, then the
        /// error.
        Failed {
            prefix: Option<Bytes>,
            error: Option<B::Error>,
        },
    }
}

impl<B: Body> ResponseBody<B> {
    pub(super) fn inner(body: B) -> ResponseBody<B> {
        ResponseBody {
            kind: Kind::Inner { body },
        }
    }

    /// The body of a 304: none. Its size hint is not an exact 0 on
    /// purpose: axum's router writes `content-length` from an exact hint,
    /// and a 304 may carry only the length its 200 would have had (RFC 9110
    /// section 8.6), which is not 0.
    pub(super) fn not_modified() -> ResponseBody<B> {
        ResponseBody {
            kind: Kind::NotModified,
        }
    }

    fn buffered(data: Bytes, trailers: Option<HeaderMap>) -> ResponseBody<B> {
        ResponseBody {
            kind: Kind::Buffered {
                data: Some(data).filter(|data| !data.is_empty()),
                trailers,
            },
        }
    }
}

impl<B: Body> std::fmt::Debug for ResponseBody<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.kind {
            Kind::Inner { .. } => "Inner",
            Kind::Buffered { .. } => "Buffered",
            Kind::NotModified => "NotModified",
            Kind::Prefixed { .. } => "Prefixed",
            Kind::Failed { .. } => "Failed",
        };
        f.debug_struct("ResponseBody").field("kind", &kind).finish()
    }
}

/// What reading a body up to a limit gave.
pub(super) enum Read<B: Body> {
    /// The whole body: its bytes, to hash, and the body to send.
    Complete(Bytes, ResponseBody<B>),
    /// Over the limit, or failed: the body to send, with no tag.
    Incomplete(ResponseBody<B>),
}

/// Reads `body` to its end, or until more than `limit` bytes have come.
///
/// Written by hand: `http_body_util`'s `Limited` and `collect` drop what
/// they read when the limit is passed, while a body that understated its
/// size must still reach the client whole.
pub(super) async fn read<B>(body: B, limit: u64) -> Read<B>
where
    B: Body<Data = Bytes>,
{
    let mut body = Box::pin(body);
    let mut first: Option<Bytes> = None;
    let mut more: Option<BytesMut> = None;
    let mut length: u64 = 0;
    let mut trailers = None;
    while let Some(frame) = body.frame().await {
        let frame = match frame {
            Ok(frame) => frame,
            Err(error) => {
                return Read::Incomplete(ResponseBody {
                    kind: Kind::Failed {
                        prefix: joined(first, more),
                        error: Some(error),
                    },
                })
            }
        };
        match frame.into_data() {
            Ok(data) => {
                length = length.saturating_add(data.len() as u64);
                match (&mut first, &mut more) {
                    (None, _) => first = Some(data),
                    (Some(head), None) => {
                        let mut buffer = BytesMut::with_capacity(head.len() + data.len());
                        buffer.extend_from_slice(head);
                        buffer.extend_from_slice(&data);
                        more = Some(buffer);
                    }
                    (Some(_), Some(buffer)) => buffer.extend_from_slice(&data),
                }
                if length > limit {
                    return Read::Incomplete(ResponseBody {
                        kind: Kind::Prefixed {
                            prefix: joined(first, more),
                            rest: body,
                        },
                    });
                }
            }
            Err(frame) => {
                if let Ok(map) = frame.into_trailers() {
                    trailers = Some(map);
                }
            }
        }
    }
    let data = joined(first, more).unwrap_or_default();
    Read::Complete(data.clone(), ResponseBody::buffered(data, trailers))
}

/// The bytes read so far, as one buffer.
fn joined(first: Option<Bytes>, more: Option<BytesMut>) -> Option<Bytes> {
    match more {
        Some(buffer) => Some(buffer.freeze()),
        None => first,
    }
}

impl<B> Body for ResponseBody<B>
where
    B: Body<Data = Bytes>,
{
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        match self.project().kind.project() {
            KindProjection::Inner { body } => body.poll_frame(cx),
            KindProjection::Buffered { data, trailers } => {
                if let Some(data) = data.take() {
                    Poll::Ready(Some(Ok(Frame::data(data))))
                } else {
                    Poll::Ready(trailers.take().map(|map| Ok(Frame::trailers(map))))
                }
            }
            KindProjection::NotModified => Poll::Ready(None),
            KindProjection::Prefixed { prefix, rest } => match prefix.take() {
                Some(data) => Poll::Ready(Some(Ok(Frame::data(data)))),
                None => rest.as_mut().poll_frame(cx),
            },
            KindProjection::Failed { prefix, error } => match prefix.take() {
                Some(data) => Poll::Ready(Some(Ok(Frame::data(data)))),
                None => Poll::Ready(error.take().map(Err)),
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.kind {
            Kind::Inner { body } => body.is_end_stream(),
            Kind::Buffered { data, trailers } => data.is_none() && trailers.is_none(),
            Kind::NotModified => true,
            Kind::Prefixed { prefix, rest } => prefix.is_none() && rest.is_end_stream(),
            Kind::Failed { prefix, error } => prefix.is_none() && error.is_none(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.kind {
            Kind::Inner { body } => body.size_hint(),
            Kind::Buffered { data, .. } => {
                SizeHint::with_exact(data.as_ref().map_or(0, |data| data.len() as u64))
            }
            Kind::Prefixed { prefix, rest } => {
                let before = prefix.as_ref().map_or(0, |data| data.len() as u64);
                let hint = rest.size_hint();
                let mut sum = SizeHint::new();
                sum.set_lower(hint.lower().saturating_add(before));
                if let Some(upper) = hint.upper() {
                    sum.set_upper(upper.saturating_add(before));
                }
                sum
            }
            Kind::NotModified | Kind::Failed { .. } => SizeHint::default(),
        }
    }
}
