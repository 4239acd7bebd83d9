//! The users API on hyper 1 alone, every error answered by
//! `#[derive(ApiError)]` through `From<UserError> for http::Response<Bytes>`.
//!
//! ```text
//! cargo run -p api-status-examples --example hyper_users
//! PORT=8080 cargo run -p api-status-examples --example hyper_users
//! ```

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    // Error responses are logged: the 502's cause, the 422's serde error.
    api_status_examples::log_to_stderr();
    let listener = tokio::net::TcpListener::bind(api_status_examples::listen_address()).await?;
    println!(
        "{}",
        api_status_examples::banner("hyper", listener.local_addr()?)
    );
    api_status_examples::hyper_users::serve(listener).await
}
