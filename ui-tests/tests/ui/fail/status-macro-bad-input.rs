fn main() {
    let _ = api_status::status!(1000);
    let _ = api_status::status!(99);
    let _ = api_status::status!("created");
    let _ = api_status::status!(created, ok);
    let _ = api_status::status!();
}
