import Hummingbird
import MultipartKit
import Crypto
import ServiceLifecycle
print("ingest")
