//! The users API on axum with its OpenAPI document and Swagger UI, every
//! error documented by `#[derive(ApiError)]` (feature `utoipa`).
//!
//! ```text
//! cargo run -p api-status-examples --example openapi
//! PORT=8080 cargo run -p api-status-examples --example openapi
//! ```

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(api_status_examples::listen_address()).await?;
    let address = listener.local_addr()?;
    println!(
        "{}",
        api_status_examples::banner("axum, documented with utoipa", address)
    );
    println!("OpenAPI document: http://{address}/openapi.json");
    println!("Swagger UI:       http://{address}/swagger-ui/");
    api_status_examples::openapi::serve(listener).await
}
