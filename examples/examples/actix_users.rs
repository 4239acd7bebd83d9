//! The users API on actix-web 4, every error answered by
//! `#[derive(ApiError)]`.
//!
//! ```text
//! cargo run -p api-status-examples --example actix_users
//! PORT=8080 cargo run -p api-status-examples --example actix_users
//! ```

fn main() -> std::io::Result<()> {
    // Error responses are logged: the 502's cause, the 422's serde error.
    api_status_examples::log_to_stderr();
    let listener = std::net::TcpListener::bind(api_status_examples::listen_address())?;
    println!(
        "{}",
        api_status_examples::banner("actix-web", listener.local_addr()?)
    );
    actix_web::rt::System::new()
        .block_on(async { api_status_examples::actix_users::server(listener, 2)?.await })
}
