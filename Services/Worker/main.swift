import ServiceLifecycle
print("worker")
