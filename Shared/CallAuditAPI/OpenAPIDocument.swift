/// The hand-written OpenAPI 3.1 description of every route and body, served at `/openapi.json`.
/// `OpenAPITests` checks that it names exactly the routes the router serves.
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "CallAudit",
  "version": "1.0.0",
  "description": "Call audit API: submit calls (text, upload, URL, CRM webhook), read their analysis, report per manager. Errors are `{\"error\": {\"code\", \"message\"}}`."
 },
 "security": [{"bearerAuth": []}, {}],
 "paths": {
  "/v1/admin/dead-letters": {
   "get": {
    "summary": "Calls that ran out of attempts, with their errors",
    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}],
    "responses": {
     "200": {
      "description": "Dead letters, oldest first",
      "content": {"application/json": {"schema": {"type": "object", "properties": {"dead_letters": {"type": "array", "items": {
       "type": "object",
       "properties": {"id": {"type": "string"}, "call_id": {"type": "string"}, "error": {"type": "string"}, "attempts": {"type": "integer"}}
      }}}}}}
     },
     "401": {"$ref": "#/components/responses/Error"}
    },
    "tags": ["operations"]
   }
  },
  "/v1/admin/dead-letters/replay": {
   "post": {
    "summary": "Give dead-lettered calls a new start once the cause is fixed (all, or these dead-letter ids)",
    "requestBody": {
     "required": false,
     "content": {"application/json": {"schema": {"type": "object", "properties": {"ids": {"type": "array", "items": {"type": "string"}}}}}}
    },
    "responses": {
     "200": {
      "description": "The calls queued again",
      "content": {"application/json": {"schema": {"type": "object", "properties": {"replayed": {"type": "array", "items": {"type": "string"}}}}}}
     },
     "400": {"$ref": "#/components/responses/Error"},
     "401": {"$ref": "#/components/responses/Error"}
    },
    "tags": ["operations"]
   }
  },
  "/metrics": {
   "get": {
    "summary": "Queue depth in Prometheus text format",
    "tags": ["operations"],
    "responses": {
     "200": {"description": "Gauges: stream length, pending, lag, delayed, dead letters", "content": {"text/plain": {"schema": {"type": "string"}}}},
     "503": {"$ref": "#/components/responses/Error"}
    }
   }
  },
  "/health": {
   "get": {
    "summary": "Liveness",
    "responses": {
     "200": {
      "description": "The process answers",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     }
    },
    "tags": [
     "operations"
    ]
   }
  },
  "/v1/providers": {
   "get": {
    "summary": "The providers the workers use, and whether each answered its last request",
    "responses": {
     "200": {
      "description": "Provider status as the workers last published it",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "providers": {"type": "array", "items": {"$ref": "#/components/schemas/ProviderStatus"}}
         }
        }
       }
      }
     },
     "503": {"description": "Redis is unreachable", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "tags": ["operations"]
   }
  },
  "/ready": {
   "get": {
    "summary": "Readiness: Redis and PostgreSQL reachable",
    "responses": {
     "200": {
      "description": "Ready",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     },
     "503": {
      "description": "A dependency is unreachable",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Health"
        }
       }
      }
     }
    },
    "tags": [
     "operations"
    ]
   }
  },
  "/openapi.json": {
   "get": {
    "summary": "This document",
    "responses": {
     "200": {
      "description": "OpenAPI 3.1",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    },
    "tags": [
     "operations"
    ]
   }
  },
  "/v1/calls": {
   "post": {
    "summary": "Submit a call as text or by recording URL",
    "responses": {
     "202": {
      "description": "Accepted: the call is stored and queued (or an earlier identical request's call)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AcceptedCall"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CreateCall"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string",
       "maxLength": 200
      },
      "description": "A repeat with the same key answers the first call"
     }
    ],
    "tags": [
     "calls"
    ]
   },
   "get": {
    "summary": "List calls, newest first",
    "responses": {
     "200": {
      "description": "A page",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CallList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     }
    },
    "parameters": [
     {
      "name": "manager_id",
      "in": "query",
      "required": false,
      "description": "Only this manager's calls",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "description": "Only calls in this status",
      "schema": {
       "$ref": "#/components/schemas/Status"
      }
     },
     {
      "name": "mode",
      "in": "query",
      "required": false,
      "description": "Only calls of this mode",
      "schema": {
       "$ref": "#/components/schemas/Mode"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "Created at or after (date or ISO 8601 time)",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "Created before",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "Page size",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 200,
       "default": 50
      }
     },
     {
      "name": "cursor",
      "in": "query",
      "required": false,
      "description": "`next_cursor` of the previous page",
      "schema": {
       "type": "string"
      }
     }
    ],
    "tags": [
     "calls"
    ]
   }
  },
  "/v1/calls/audio": {
   "post": {
    "summary": "Submit a call by uploading its recording",
    "responses": {
     "202": {
      "description": "Accepted: the call is stored and queued (or an earlier identical request's call)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AcceptedCall"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "multipart/form-data": {
       "schema": {
        "type": "object",
        "required": [
         "audio"
        ],
        "properties": {
         "audio": {
          "type": "string",
          "format": "binary",
          "description": "The recording (also accepted as `file`); at most MAX_UPLOAD_BYTES"
         },
         "mode": {
          "$ref": "#/components/schemas/Mode"
         },
         "content_mode": {
          "$ref": "#/components/schemas/Mode"
         },
         "call_id": {
          "type": "string"
         },
         "manager_id": {
          "type": "string"
         },
         "language": {
          "type": "string"
         },
         "callback_url": {
          "type": "string",
          "format": "uri"
         }
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string",
       "maxLength": 200
      },
      "description": "A repeat with the same key answers the first call"
     }
    ],
    "tags": [
     "calls"
    ]
   }
  },
  "/v1/calls/{id}": {
   "get": {
    "summary": "A call: state, stage, error and, when done, the result",
    "responses": {
     "200": {
      "description": "The call",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Call"
        }
       }
      }
     },
     "404": {
      "$ref": "#/components/responses/Error"
     }
    },
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The call's id",
      "schema": {
       "type": "string",
       "format": "uuid"
      }
     }
    ],
    "tags": [
     "calls"
    ]
   }
  },
  "/v1/webhooks/crm": {
   "post": {
    "summary": "A CRM reports a finished call; the same call_id (and mode) returns the same call",
    "responses": {
     "202": {
      "description": "Accepted: the call is stored and queued (or an earlier identical request's call)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AcceptedCall"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CRMWebhook"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "X-Signature",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "`sha256=<hex HMAC-SHA256 of the raw body>`; required when WEBHOOK_SECRET is set"
     },
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string",
       "maxLength": 200
      },
      "description": "A repeat with the same key answers the first call"
     }
    ],
    "tags": [
     "calls"
    ]
   }
  },
  "/v1/reports/managers": {
   "get": {
    "summary": "Per-manager report over a period",
    "responses": {
     "200": {
      "description": "One row per manager",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ManagersReport"
        }
       },
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     }
    },
    "parameters": [
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "Start (date like 2026-11-01 or ISO 8601 time); default 30 days before `to`",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "End, exclusive; default now",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "mode",
      "in": "query",
      "required": false,
      "description": "Only calls of this mode",
      "schema": {
       "$ref": "#/components/schemas/Mode"
      }
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "description": "`csv` for CSV (as does `Accept: text/csv`)",
      "schema": {
       "type": "string",
       "enum": [
        "json",
        "csv"
       ]
      }
     }
    ],
    "tags": [
     "reports"
    ]
   }
  },
  "/v1/reports/managers/{manager_id}": {
   "get": {
    "summary": "One manager: totals, trend, criteria, recent calls",
    "responses": {
     "200": {
      "description": "The manager's report (CSV: the trend)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ManagerReport"
        }
       },
       "text/csv": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     }
    },
    "parameters": [
     {
      "name": "manager_id",
      "in": "path",
      "required": true,
      "description": "The manager",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "Start (date like 2026-11-01 or ISO 8601 time); default 30 days before `to`",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "description": "End, exclusive; default now",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "mode",
      "in": "query",
      "required": false,
      "description": "Only calls of this mode",
      "schema": {
       "$ref": "#/components/schemas/Mode"
      }
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "description": "`csv` for CSV (as does `Accept: text/csv`)",
      "schema": {
       "type": "string",
       "enum": [
        "json",
        "csv"
       ]
      }
     },
     {
      "name": "bucket",
      "in": "query",
      "required": false,
      "description": "Trend by day or week",
      "schema": {
       "type": "string",
       "enum": [
        "day",
        "week"
       ],
       "default": "day"
      }
     }
    ],
    "tags": [
     "reports"
    ]
   }
  },
  "/analyze_call": {
   "post": {
    "summary": "Seed API: analyze a dialog given as text",
    "responses": {
     "200": {
      "description": "The analysis, when it finished within SEED_WAIT_SECONDS",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SeedResult"
        }
       }
      }
     },
     "202": {
      "description": "Accepted: the call is stored and queued (or an earlier identical request's call)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AcceptedCall"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SeedAnalyze"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string",
       "maxLength": 200
      },
      "description": "A repeat with the same key answers the first call"
     }
    ],
    "tags": [
     "seed"
    ]
   }
  },
  "/analyze_audio_by_url": {
   "post": {
    "summary": "Seed API: analyze a recording by URL",
    "responses": {
     "200": {
      "description": "The analysis, when it finished within SEED_WAIT_SECONDS",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SeedResult"
        }
       }
      }
     },
     "202": {
      "description": "Accepted: the call is stored and queued (or an earlier identical request's call)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AcceptedCall"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SeedAnalyze"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string",
       "maxLength": 200
      },
      "description": "A repeat with the same key answers the first call"
     }
    ],
    "tags": [
     "seed"
    ]
   }
  },
  "/analyze_audio_call": {
   "post": {
    "summary": "Seed API: analyze an uploaded recording",
    "responses": {
     "200": {
      "description": "The analysis, when it finished within SEED_WAIT_SECONDS",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SeedResult"
        }
       }
      }
     },
     "202": {
      "description": "Accepted: the call is stored and queued (or an earlier identical request's call)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AcceptedCall"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "multipart/form-data": {
       "schema": {
        "type": "object",
        "required": [
         "audio"
        ],
        "properties": {
         "audio": {
          "type": "string",
          "format": "binary",
          "description": "The recording (also accepted as `file`); at most MAX_UPLOAD_BYTES"
         },
         "mode": {
          "$ref": "#/components/schemas/Mode"
         },
         "content_mode": {
          "$ref": "#/components/schemas/Mode"
         },
         "call_id": {
          "type": "string"
         },
         "manager_id": {
          "type": "string"
         },
         "language": {
          "type": "string"
         },
         "callback_url": {
          "type": "string",
          "format": "uri"
         }
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "Idempotency-Key",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string",
       "maxLength": 200
      },
      "description": "A repeat with the same key answers the first call"
     }
    ],
    "tags": [
     "seed"
    ]
   }
  },
  "/webhook/new_call_recording": {
   "post": {
    "summary": "Seed API: CRM webhook (same as /v1/webhooks/crm)",
    "responses": {
     "202": {
      "description": "Accepted: the call is stored and queued (or an earlier identical request's call)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AcceptedCall"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/CRMWebhook"
       }
      }
     }
    },
    "tags": [
     "seed"
    ]
   }
  }
 },
 "components": {
  "securitySchemes": {
   "bearerAuth": {"type": "http", "scheme": "bearer", "description": "one of API_KEYS, when the service has keys configured"}
  },
  "responses": {
   "Error": {
    "description": "An error",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "code",
       "message"
      ],
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       }
      }
     }
    }
   },
   "Health": {
    "type": "object",
    "required": [
     "status"
    ],
    "properties": {
     "status": {
      "type": "string"
     },
     "checks": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "providers": {
      "type": "array",
      "items": {"$ref": "#/components/schemas/ProviderStatus"}
     }
    }
   },
   "ProviderStatus": {
    "type": "object",
    "required": ["provider", "steps", "available"],
    "properties": {
     "provider": {"type": "string", "examples": ["openai"]},
     "steps": {"type": "object", "additionalProperties": {"type": "string"}, "description": "step → model or deployment"},
     "available": {"type": "boolean", "description": "false while misconfigured, out of credit or behind an open circuit breaker"},
     "reason": {"type": "string"},
     "last_request_ok": {"type": "boolean"},
     "last_status": {"type": "integer"},
     "last_request_at": {"type": "string", "format": "date-time"}
    }
   },
   "Mode": {
    "type": "string",
    "description": "manager, client or dialog; the seed spellings Manager+, Client+ and Диалог are accepted",
    "examples": [
     "manager"
    ]
   },
   "Status": {
    "type": "string",
    "enum": [
     "queued",
     "processing",
     "done",
     "failed"
    ]
   },
   "Stage": {
    "type": "string",
    "enum": [
     "queued",
     "acquiring",
     "normalizing",
     "transcribing",
     "awaiting_transcription",
     "roles",
     "analyzing",
     "measuring",
     "persisting",
     "done",
     "failed"
    ]
   },
   "CreateCall": {
    "type": "object",
    "description": "Give dialog_text or audio_url",
    "properties": {
     "dialog_text": {
      "type": "string",
      "description": "The dialog with speaker labels (Менеджер:, Клиент:, Agent:, Customer:, 상담원:, 고객:)"
     },
     "audio_url": {
      "type": "string",
      "format": "uri"
     },
     "mode": {
      "$ref": "#/components/schemas/Mode"
     },
     "call_id": {
      "type": "string",
      "maxLength": 256,
      "description": "The CRM's id of the call"
     },
     "manager_id": {
      "type": "string",
      "maxLength": 128
     },
     "language": {
      "type": "string",
      "description": "ru, ko, en or auto"
     },
     "metadata": {
      "type": "object"
     },
     "callback_url": {
      "type": "string",
      "format": "uri"
     }
    }
   },
   "CRMWebhook": {
    "type": "object",
    "required": [
     "call_id",
     "recording_url"
    ],
    "properties": {
     "call_id": {
      "type": "string"
     },
     "manager_id": {
      "type": "string"
     },
     "recording_url": {
      "type": "string",
      "format": "uri"
     },
     "mode": {
      "$ref": "#/components/schemas/Mode"
     },
     "language": {
      "type": "string"
     },
     "metadata": {
      "type": "object"
     },
     "callback_url": {
      "type": "string",
      "format": "uri"
     }
    }
   },
   "SeedAnalyze": {
    "type": "object",
    "properties": {
     "dialog_text": {
      "type": "string"
     },
     "file_url": {
      "type": "string",
      "format": "uri"
     },
     "content_mode": {
      "$ref": "#/components/schemas/Mode"
     },
     "call_id": {
      "type": "string"
     },
     "manager_id": {
      "type": "string"
     },
     "language": {
      "type": "string"
     }
    }
   },
   "AcceptedCall": {
    "type": "object",
    "required": [
     "id",
     "status",
     "links"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "status": {
      "$ref": "#/components/schemas/Status"
     },
     "links": {
      "type": "object",
      "properties": {
       "self": {
        "type": "string"
       }
      }
     }
    }
   },
   "Criterion": {
    "type": "object",
    "required": [
     "key",
     "name",
     "score",
     "weight"
    ],
    "properties": {
     "key": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "score": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "weight": {
      "type": "number"
     },
     "evidence": {
      "type": "string"
     }
    }
   },
   "SentimentScore": {
    "type": "object",
    "properties": {
     "label": {
      "type": "string",
      "enum": [
       "positive",
       "neutral",
       "negative"
      ]
     },
     "score": {
      "type": "number",
      "minimum": -1,
      "maximum": 1
     }
    }
   },
   "Segment": {
    "type": "object",
    "required": [
     "role",
     "text"
    ],
    "properties": {
     "role": {
      "type": "string",
      "enum": [
       "manager",
       "customer",
       "unknown"
      ]
     },
     "speaker": {
      "type": "string"
     },
     "text": {
      "type": "string"
     },
     "start": {
      "type": "number"
     },
     "end": {
      "type": "number"
     }
    }
   },
   "Result": {
    "type": "object",
    "properties": {
     "total_score": {
      "type": "integer",
      "minimum": 0,
      "maximum": 100
     },
     "criteria": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Criterion"
      }
     },
     "summary": {
      "type": "string"
     },
     "recommendations": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "language": {
      "type": "string"
     },
     "topic": {
      "type": "string"
     },
     "sentiment": {
      "type": "object",
      "properties": {
       "overall": {
        "$ref": "#/components/schemas/SentimentScore"
       },
       "manager": {
        "$ref": "#/components/schemas/SentimentScore"
       },
       "customer": {
        "$ref": "#/components/schemas/SentimentScore"
       }
      }
     },
     "profanity": {
      "type": "object",
      "properties": {
       "found": {
        "type": "boolean"
       },
       "manager_count": {
        "type": "integer"
       },
       "customer_count": {
        "type": "integer"
       },
       "spans": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "role": {
           "type": "string"
          },
          "segment": {
           "type": "integer"
          },
          "text": {
           "type": "string"
          }
         }
        }
       }
      }
     },
     "segments": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Segment"
      }
     },
     "metrics": {
      "type": "object",
      "properties": {
       "talk_ratio_manager": {
        "type": "number"
       },
       "turns": {
        "type": "number"
       },
       "manager_questions": {
        "type": "number"
       },
       "customer_questions": {
        "type": "number"
       },
       "manager_words": {
        "type": "number"
       },
       "customer_words": {
        "type": "number"
       },
       "longest_monologue_words": {
        "type": "number"
       },
       "duration_seconds": {
        "type": "number"
       },
       "words_per_minute": {
        "type": "number"
       },
       "silence_seconds": {
        "type": "number"
       },
       "interruptions": {
        "type": "number"
       }
      }
     },
     "providers": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "step": {
         "type": "string"
        },
        "provider": {
         "type": "string"
        },
        "model": {
         "type": "string"
        }
       }
      }
     },
     "provider_calls": {
      "type": "array",
      "description": "Every provider request the call took, failed and retried ones included",
      "items": {
       "type": "object",
       "properties": {
        "step": {"type": "string"},
        "provider": {"type": "string"},
        "model": {"type": "string"},
        "http_status": {"type": "integer"},
        "latency_ms": {"type": "integer"},
        "input_tokens": {"type": "integer"},
        "output_tokens": {"type": "integer"},
        "audio_seconds": {"type": "number"},
        "cost_usd": {"type": "number"}
       }
      }
     },
     "cost_usd": {
      "type": "number",
      "description": "What the provider requests cost, in US dollars"
     }
    }
   },
   "Call": {
    "type": "object",
    "required": [
     "id",
     "status",
     "stage",
     "mode",
     "manager_id"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "call_id": {
      "type": "string"
     },
     "manager_id": {
      "type": "string"
     },
     "mode": {
      "type": "string"
     },
     "source": {
      "type": "string",
      "enum": [
       "text",
       "upload",
       "url"
      ]
     },
     "status": {
      "$ref": "#/components/schemas/Status"
     },
     "stage": {
      "$ref": "#/components/schemas/Stage"
     },
     "error": {
      "type": "string"
     },
     "language": {
      "type": "string"
     },
     "audio_url": {
      "type": "string"
     },
     "metadata": {
      "type": "object"
     },
     "attempts": {
      "type": "integer"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     },
     "completed_at": {
      "type": "string",
      "format": "date-time"
     },
     "result": {
      "$ref": "#/components/schemas/Result"
     },
     "links": {
      "type": "object"
     }
    }
   },
   "CallList": {
    "type": "object",
    "properties": {
     "calls": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Call"
      }
     },
     "next_cursor": {
      "type": "string"
     }
    }
   },
   "SeedResult": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "status": {
      "type": "string"
     },
     "total_score": {
      "type": "integer"
     },
     "criteria": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Criterion"
      }
     },
     "summary": {
      "type": "string"
     },
     "recommendations": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   },
   "ManagerSummary": {
    "type": "object",
    "properties": {
     "manager_id": {
      "type": "string"
     },
     "calls": {
      "type": "integer"
     },
     "avg_score": {
      "type": "number"
     },
     "min_score": {
      "type": "integer"
     },
     "max_score": {
      "type": "integer"
     },
     "criteria": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "key": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "average": {
         "type": "number"
        },
        "calls": {
         "type": "integer"
        }
       }
      }
     },
     "negative_sentiment_share": {
      "type": "number"
     },
     "calls_with_profanity": {
      "type": "integer"
     },
     "last_call_at": {
      "type": "string",
      "format": "date-time"
     },
     "cost_usd": {
      "type": "number",
      "description": "What the providers charged for these calls, in US dollars"
     }
    }
   },
   "ManagersReport": {
    "type": "object",
    "properties": {
     "from": {
      "type": "string",
      "format": "date-time"
     },
     "to": {
      "type": "string",
      "format": "date-time"
     },
     "mode": {
      "type": "string"
     },
     "managers": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ManagerSummary"
      }
     }
    }
   },
   "ManagerReport": {
    "type": "object",
    "properties": {
     "manager_id": {
      "type": "string"
     },
     "from": {
      "type": "string",
      "format": "date-time"
     },
     "to": {
      "type": "string",
      "format": "date-time"
     },
     "mode": {
      "type": "string"
     },
     "summary": {
      "$ref": "#/components/schemas/ManagerSummary"
     },
     "bucket": {
      "type": "string",
      "enum": [
       "day",
       "week"
      ]
     },
     "trend": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "period_start": {
         "type": "string",
         "format": "date-time"
        },
        "calls": {
         "type": "integer"
        },
        "avg_score": {
         "type": "number"
        }
       }
      }
     },
     "recent_calls": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "string",
         "format": "uuid"
        },
        "call_id": {
         "type": "string"
        },
        "mode": {
         "type": "string"
        },
        "total_score": {
         "type": "integer"
        },
        "sentiment": {
         "type": "string"
        },
        "profanity": {
         "type": "boolean"
        },
        "created_at": {
         "type": "string",
         "format": "date-time"
        }
       }
      }
     }
    }
   }
  }
 }
}

"""#
}
