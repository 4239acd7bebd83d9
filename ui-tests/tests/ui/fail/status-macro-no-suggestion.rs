fn main() {
    let _ = api_status::status!(banana_split);
}
